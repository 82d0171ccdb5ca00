import TenantConfig

/// Scripts reach the legacy store through a least-privilege API, not a database driver or connection string.
public struct ScriptDirectDatabaseRule: ScriptRule {
    public init() {}

    static let documentation = "https://auth0.com/docs/authenticate/database-connections/custom-db/create-db-connection"

    public static let description = RuleDescription(
        identifier: "script-direct-database",
        name: "No direct database access",
        rationale: "A script that opens the legacy database needs that database reachable from Auth0's IP ranges with credentials able to read every password hash; Auth0 recommends a small API in front of the store that exposes only what the scripts need.",
        severity: .warning,
        documentation: documentation,
        triggeringExamples: [
            RuleExample(label: "require('mysql')", files: ScriptFixture.database(["login": """
            function login(email, password, callback) {
              const mysql = require('mysql');
              const connection = mysql.createConnection({ host: configuration.DB_HOST, user: configuration.DB_USER, password: configuration.DB_PASSWORD });
              connection.query('SELECT id, email FROM users WHERE email = ?', [email], function (error, rows) {
                if (error) return callback(error);
                return callback(null, { user_id: String(rows[0].id), email: rows[0].email });
              });
            }

            """]), expectedMessage: "`mysql`"),
            RuleExample(label: "a connection string", files: ScriptFixture.database(["get_user": """
            function getUser(email, callback) {
              const url = 'mongodb+srv://' + configuration.DB_HOST + '/users';
              return callback(null, { user_id: email, email: email, note: url });
            }

            """]), expectedMessage: "connection string"),
        ],
        nonTriggeringExamples: [
            RuleExample(label: "an HTTP API", files: ScriptFixture.database(["login": ScriptFixture.goodLogin])),
            RuleExample(label: "a driver named in a comment", files: ScriptFixture.database(["login": "// We used to require('pg') here.\n" + ScriptFixture.goodLogin])),
        ]
    )

    /// npm packages that talk to a database or directory directly.
    static let drivers: Set<String> = [
        "mysql", "mysql2", "pg", "pg-pool", "postgres", "mssql", "tedious", "mongodb", "mongoose", "oracledb", "sqlite3",
        "better-sqlite3", "redis", "ioredis", "cassandra-driver", "couchbase", "knex", "sequelize", "typeorm", "ldapjs",
        "ibm_db", "odbc", "@google-cloud/spanner", "@google-cloud/firestore", "@aws-sdk/client-dynamodb", "aws-sdk", "firebase-admin",
    ]

    static let connectionStringSchemes = ["mysql://", "postgres://", "postgresql://", "mongodb://", "mongodb+srv://", "mssql://", "sqlserver://", "redis://", "rediss://", "oracle://", "jdbc:", "ldap://", "ldaps://"]

    public func check(script: ScriptSource, in context: LintContext) -> [Finding] {
        let source = context.javaScript(script)
        var findings: [Finding] = []
        for call in source.calls(of: "require") {
            guard let argument = source[call + 2], argument.isStringLiteral, let module = argument.value,
                  Self.drivers.contains(module) || Self.drivers.contains(String(module.split(separator: "/").first ?? "")) else { continue }
            findings.append(finding("\(script.role) requires `\(module)` and talks to the legacy store directly. Put a least-privilege API in front of the store (only the lookups and password checks the scripts need) and call it over HTTPS with a client-credentials token: \(Self.documentation)", in: script, line: argument.line, column: argument.column))
        }
        for token in source.tokens where token.isStringLiteral {
            guard let value = token.value?.lowercased() else { continue }
            let isConnectionString = Self.connectionStringSchemes.contains { value.hasPrefix($0) }
                || (value.contains("server=") && (value.contains("database=") || value.contains("initial catalog=")))
                || value.contains("data source=")
            guard isConnectionString else { continue }
            findings.append(finding("\(script.role) holds a database connection string at \(token.line):\(token.column): scripts should not reach the legacy database directly. Put a least-privilege API in front of it: \(Self.documentation)", in: script, line: token.line, column: token.column))
        }
        return findings
    }
}
