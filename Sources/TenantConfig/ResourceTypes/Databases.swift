extension ResourceType {
    /// Custom database connections (`strategy: auth0`) with their action scripts beside the YAML.
    static let databases: ResourceType = {
        var type = connectionType(kind: .databases, noun: "database connection", strategyIsAuth0: true)
        type.directory = DirectoryLayout([DirectoryPiece(path: "database-connections", form: .folderPerItem(file: "database.json"))],
                                         files: ["options.customScripts.*": .besideItem(name: "{entry}.js")])
        type.example = TypeExample(
            yaml: """
            clients:
              - name: Round Trip Web
                app_type: spa
            databases:
              - name: legacy-db
                enabled_clients: [Round Trip Web]
                options:
                  enabledDatabaseCustomization: true
                  import_mode: true
                  customScripts:
                    login: ./databases/legacy-db/login.js
                    get_user: ./databases/legacy-db/get_user.js
                  configuration:
                    API_URL: https://legacy.example.com
                    API_KEY: ##LEGACY_DB_API_KEY##
            """,
            files: [
                "databases/legacy-db/login.js": """
                function login(email, password, callback) {
                  const request = require('request');
                  request.post({ url: configuration.API_URL + '/login', json: { email: email, password: password } }, function (error, response, body) {
                    if (error) return callback(error);
                    if (response.statusCode !== 200) return callback(new WrongUsernameOrPasswordError(email));
                    return callback(null, { user_id: body.id, email: body.email });
                  });
                }

                """,
                "databases/legacy-db/get_user.js": """
                function getUser(email, callback) {
                  const request = require('request');
                  request.get({ url: configuration.API_URL + '/users/' + encodeURIComponent(email), json: true }, function (error, response, body) {
                    if (error) return callback(error);
                    if (response.statusCode === 404) return callback(null);
                    if (response.statusCode !== 200) return callback(new Error('The legacy API answered ' + response.statusCode));
                    return callback(null, { user_id: body.id, email: body.email });
                  });
                }

                """,
            ],
            secrets: ["LEGACY_DB_API_KEY": "round-trip-legacy-api-key-7f3a"])
        return type
    }()
}
