/// The seven action scripts of a custom database connection, keyed as `options.customScripts` keys them.
public enum DatabaseScriptName: String, CaseIterable, Sendable, Hashable, Codable {
    case login
    case getUser = "get_user"
    case create
    case verify
    case changePassword = "change_password"
    case delete
    case changeEmail = "change_email"

    /// The function name Auth0's documentation recommends for this script.
    public var recommendedFunctionName: String {
        switch self {
        case .login: "login"
        case .getUser: "getUser"
        case .create: "create"
        case .verify: "verify"
        case .changePassword: "changePassword"
        case .delete: "deleteUser"
        case .changeEmail: "changeEmail"
        }
    }

    /// Names the dashboard templates use, accepted without a warning.
    public var alternativeFunctionNames: [String] {
        switch self {
        case .getUser: ["getByEmail"]
        case .delete: ["remove"]
        default: []
        }
    }

    /// The script's parameters before the callback, as documented.
    public var documentedParameters: [String] {
        switch self {
        case .login: ["userNameOrEmail", "password"]
        case .getUser: ["email"]
        case .create: ["user"]
        case .verify: ["email"]
        case .changePassword: ["email", "newPassword"]
        case .delete: ["id"]
        case .changeEmail: ["email", "newEmail", "verified"]
        }
    }

    /// The name the dashboard template gives this script in its "Please implement the … script" message.
    public var templateTitle: String? {
        switch self {
        case .login: "Login"
        case .getUser: "Get User"
        case .create: "Create"
        case .verify: "Verify"
        case .changePassword: "Change Password"
        case .delete: "Delete"
        case .changeEmail: nil
        }
    }
}
