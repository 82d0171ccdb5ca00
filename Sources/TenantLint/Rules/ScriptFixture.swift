import TenantConfig

/// Small tenants for the script rules' examples: one custom database connection with the given scripts,
/// a rule, or an action, each script a file beside `tenant.yaml`.
enum ScriptFixture {
    /// A connection `legacy-users` in import mode with `scripts` (script name → code) as files under `scripts/`.
    static func database(_ scripts: [String: String], importMode: Bool = true, configuration: String = "") -> [String: String] {
        var yaml = """
        databases:
          - name: legacy-users
            strategy: auth0
            enabled_clients: []
            options:
              enabledDatabaseCustomization: true
              import_mode: \(importMode)
              customScripts:

        """
        var files: [String: String] = [:]
        for name in scripts.keys.sorted() {
            yaml += "        \(name): ./scripts/\(name).js\n"
            files["scripts/\(name).js"] = scripts[name]
        }
        yaml += configuration
        files["tenant.yaml"] = yaml
        return files
    }

    /// One enabled rule with `code`.
    static func rule(_ code: String) -> [String: String] {
        ["tenant.yaml": "rules:\n  - name: add-claims\n    script: ./rules/add-claims.js\n    enabled: true\n    order: 1\n",
         "rules/add-claims.js": code]
    }

    /// One deployed post-login action with `code`.
    static func action(_ code: String, trigger: String = "post-login") -> [String: String] {
        ["tenant.yaml": """
        actions:
          - name: add-claims
            code: ./actions/add-claims/code.js
            deployed: true
            runtime: node22
            supported_triggers:
              - id: \(trigger)
                version: v3

        """, "actions/add-claims/code.js": code]
    }

    /// A complete, well-behaved login script (import mode) that tests can vary.
    static let goodLogin = """
    function login(email, password, callback) {
      const axios = require('axios');
      axios.post(configuration.API_URL + '/login', { email: email, password: password }).then(function (response) {
        if (response.status !== 200) return callback(new WrongUsernameOrPasswordError(email));
        return callback(null, { user_id: 'legacy|' + response.data.id, email: response.data.email, name: response.data.name });
      }, function (error) {
        return callback(new Error('The legacy API is unreachable: ' + error.message));
      });
    }

    """

    /// A complete get_user script whose profile matches `goodLogin`'s.
    static let goodGetUser = """
    function getUser(email, callback) {
      const axios = require('axios');
      axios.get(configuration.API_URL + '/users', { params: { email: email } }).then(function (response) {
        if (response.status === 404) return callback(null);
        return callback(null, { user_id: 'legacy|' + response.data.id, email: response.data.email, name: response.data.name });
      }, function (error) {
        return callback(new Error('The legacy API is unreachable: ' + error.message));
      });
    }

    """
}
