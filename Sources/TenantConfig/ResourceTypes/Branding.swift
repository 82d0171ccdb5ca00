extension SnapshotSection {
    public static let branding: SnapshotSection = "branding"
    public static let universalLoginTemplate: SnapshotSection = "universal_login_template"
}

extension ResourceType {
    /// Branding: colours, logo and font (`/branding`, merged), and the universal login page template
    /// (`/branding/templates/universal-login`), an HTML file beside the YAML written as the Deploy CLI does:
    /// `templates: [{template: universal_login, body: ./branding_templates/universal_login.html}]`.
    static let branding: ResourceType = {
        var type = tenantWide(
            .branding, noun: "branding",
            parts: [
                SingletonPart("", path: "/branding", method: "PATCH", snapshot: .section(.branding)),
                SingletonPart("templates", path: "/branding/templates/universal-login", method: "PUT", snapshot: .section(.universalLoginTemplate),
                              fromAPI: { api in
                                  guard let body = api["body"]?.stringValue ?? api["template"]?.stringValue else { return nil }
                                  return .array([.object(["template": .string("universal_login"), "body": .string(body)])])
                              },
                              asRead: { files in .object(["body": universalLoginBody(files) ?? .null]) },
                              toAPI: { files in .object(["template": universalLoginBody(files) ?? .null]) }),
            ],
            example: """
            branding:
              colors:
                primary: "#0059d6"
                page_background: "#f4f4f4"
              logo_url: https://example.com/logo.png
              templates:
                - template: universal_login
                  body: ./branding_templates/universal_login.html
            """, rank: 94)
        type.files = [FileField("templates[].body", content: .text, exportPath: "branding_templates/{entry}.html")]
        type.directory = DirectoryLayout([DirectoryPiece(path: "branding/branding.json", form: .file),
                                          DirectoryPiece("templates", path: "branding/templates", form: .filePerItem, naming: ["template"])],
                                         files: ["templates[].body": .besideItem(name: "{name}.html")])
        type.example?.files = ["branding_templates/universal_login.html": "<!DOCTYPE html>\n<html>\n  <head>{%- auth0:head -%}</head>\n  <body>{%- auth0:widget -%}</body>\n</html>\n"]
        return type
    }()

    /// The universal login template's HTML in the files' `templates` list.
    static func universalLoginBody(_ files: JSONValue) -> JSONValue? {
        files.arrayValue?.first { $0["template"]?.stringValue == "universal_login" }?["body"]
    }
}
