/// One `receivers:` entry: a name and the integrations it delivers through. etcdmon delivers to
/// webhooks, Slack and e-mail; a receiver with other integrations is refused with a clear error
/// rather than accepted and silently not delivered.
public struct AlertReceiverConfig: Sendable {
    public var name: String
    public var webhooks: [WebhookConfig] = []
    public var slack: [SlackConfig] = []
    public var email: [EmailConfig] = []

    public init(name: String) { self.name = name }

    /// The number of integrations.
    public var integrationCount: Int { webhooks.count + slack.count + email.count }

    init(_ yaml: YAMLMapping, global: AlertmanagerGlobalConfig, directory: String) throws(ConfigError) {
        guard let name = try yaml.string("name"), !name.isEmpty else { throw yaml.error("missing name in receiver") }
        self.name = name
        for entry in try yaml.mappings("webhook_configs") { webhooks.append(try WebhookConfig(entry, global: global, directory: directory)) }
        for entry in try yaml.mappings("slack_configs") { slack.append(try SlackConfig(entry, global: global, directory: directory)) }
        for entry in try yaml.mappings("email_configs") { email.append(try EmailConfig(entry, global: global)) }
        for key in ["discord_configs", "pagerduty_configs", "opsgenie_configs", "wechat_configs", "pushover_configs",
                    "victorops_configs", "sns_configs", "telegram_configs", "webex_configs"] where yaml.value(key) != nil {
            throw yaml.error(key, "\(key) are not delivered by etcdmon (it delivers webhook_configs, slack_configs and email_configs); send them through an Alertmanager")
        }
        try yaml.finish()
    }
}

/// A `webhook_configs:` entry.
public struct WebhookConfig: Sendable {
    public var sendResolved = true
    public var url: String
    public var httpClient: HTTPClientSettings
    /// The most alerts one notification carries (0: all).
    public var maxAlerts = 0

    init(_ yaml: YAMLMapping, global: AlertmanagerGlobalConfig, directory: String) throws(ConfigError) {
        sendResolved = try yaml.bool("send_resolved") ?? true
        guard let url = try NotificationConfig.url(yaml, "url") else { throw yaml.error("missing URL in webhook config") }
        self.url = url
        httpClient = try NotificationConfig.httpClient(yaml, global: global, directory: directory)
        maxAlerts = try yaml.integer("max_alerts") ?? 0
        try yaml.finish()
    }
}

/// A `slack_configs:` entry (an incoming webhook); every text is a template.
public struct SlackConfig: Sendable {
    public var sendResolved = false
    public var apiURL: String?
    public var apiURLFile: String?
    public var httpClient: HTTPClientSettings
    public var channel = ""
    public var username = #"{{ template "slack.default.username" . }}"#
    public var color = #"{{ if eq .Status "firing" }}danger{{ else }}good{{ end }}"#
    public var title = #"{{ template "slack.default.title" . }}"#
    public var titleLink = #"{{ template "slack.default.titlelink" . }}"#
    public var pretext = #"{{ template "slack.default.pretext" . }}"#
    public var text = #"{{ template "slack.default.text" . }}"#
    public var footer = #"{{ template "slack.default.footer" . }}"#
    public var fallback = #"{{ template "slack.default.fallback" . }}"#
    public var callbackID = #"{{ template "slack.default.callbackid" . }}"#
    public var iconEmoji = #"{{ template "slack.default.iconemoji" . }}"#
    public var iconURL = #"{{ template "slack.default.iconurl" . }}"#
    public var imageURL = ""
    public var thumbURL = ""
    public var linkNames = false
    public var shortFields = false
    public var mrkdwnIn: [String]?
    public var fields: [Field] = []
    public var actions: [Action] = []

    /// An attachment field.
    public struct Field: Sendable {
        public var title: String
        public var value: String
        public var short: Bool?
    }

    /// A button of the attachment.
    public struct Action: Sendable {
        public var type: String
        public var text: String
        public var url = ""
        public var style = ""
        public var name = ""
        public var value = ""
    }

    init(_ yaml: YAMLMapping, global: AlertmanagerGlobalConfig, directory: String) throws(ConfigError) {
        sendResolved = try yaml.bool("send_resolved") ?? false
        apiURL = try NotificationConfig.url(yaml, "api_url")
        apiURLFile = try yaml.string("api_url_file")
        if apiURL != nil && apiURLFile != nil { throw yaml.error("api_url", "at most one of api_url & api_url_file must be configured") }
        if apiURL == nil && apiURLFile == nil {
            (apiURL, apiURLFile) = (global.slackAPIURL, global.slackAPIURLFile)
            guard apiURL != nil || apiURLFile != nil else { throw yaml.error("no global Slack API URL set either inline or in a file") }
        }
        apiURLFile = apiURLFile.map { HTTPClientSettings.resolve($0, in: directory) }
        httpClient = try NotificationConfig.httpClient(yaml, global: global, directory: directory)
        channel = try yaml.string("channel") ?? channel
        username = try yaml.string("username") ?? username
        color = try yaml.string("color") ?? color
        title = try yaml.string("title") ?? title
        titleLink = try yaml.string("title_link") ?? titleLink
        pretext = try yaml.string("pretext") ?? pretext
        text = try yaml.string("text") ?? text
        footer = try yaml.string("footer") ?? footer
        fallback = try yaml.string("fallback") ?? fallback
        callbackID = try yaml.string("callback_id") ?? callbackID
        iconEmoji = try yaml.string("icon_emoji") ?? iconEmoji
        iconURL = try yaml.string("icon_url") ?? iconURL
        imageURL = try yaml.string("image_url") ?? ""
        thumbURL = try yaml.string("thumb_url") ?? ""
        linkNames = try yaml.bool("link_names") ?? false
        shortFields = try yaml.bool("short_fields") ?? false
        mrkdwnIn = try yaml.strings("mrkdwn_in")
        for entry in try yaml.mappings("fields") {
            guard let title = try entry.string("title"), !title.isEmpty else { throw entry.error("missing title in Slack field configuration") }
            guard let value = try entry.string("value"), !value.isEmpty else { throw entry.error("missing value in Slack field configuration") }
            fields.append(Field(title: title, value: value, short: try entry.bool("short")))
            try entry.finish()
        }
        for entry in try yaml.mappings("actions") {
            guard let type = try entry.string("type"), !type.isEmpty else { throw entry.error("missing type in Slack action configuration") }
            guard let text = try entry.string("text"), !text.isEmpty else { throw entry.error("missing text in Slack action configuration") }
            var action = Action(type: type, text: text)
            action.style = try entry.string("style") ?? ""
            action.url = try entry.string("url") ?? ""
            action.name = try entry.string("name") ?? ""
            action.value = try entry.string("value") ?? ""
            _ = entry.value("confirm")
            if !action.url.isEmpty {
                (action.name, action.value) = ("", "")
            } else if action.name.isEmpty {
                throw entry.error("missing name or url in Slack action configuration")
            }
            actions.append(action)
            try entry.finish()
        }
        try yaml.finish()
    }
}

/// An `email_configs:` entry; `to`, `from`, `html`, `text` and the headers are templates.
public struct EmailConfig: Sendable {
    public var sendResolved = false
    public var to: String
    public var from: String
    public var hello: String
    public var smarthost: String
    public var authUsername: String
    public var authPassword: String
    public var authPasswordFile: String
    public var authSecret: String
    public var authIdentity: String
    /// Header names canonicalised as Go's `textproto` does (`x-custom` → `X-Custom`), with
    /// `Subject`, `To` and `From` filled in when not given.
    public var headers: [String: String] = [:]
    public var html = #"{{ template "email.default.html" . }}"#
    public var text = ""
    public var requireTLS: Bool
    public var tls: TLSSettings?

    init(_ yaml: YAMLMapping, global: AlertmanagerGlobalConfig) throws(ConfigError) {
        sendResolved = try yaml.bool("send_resolved") ?? false
        guard let to = try yaml.string("to"), !to.isEmpty else { throw yaml.error("missing to address in email config") }
        self.to = to
        for (name, value) in try yaml.stringMap("headers") ?? [] {
            let canonical = Self.canonicalHeader(name)
            guard headers[canonical] == nil else { throw yaml.error("headers", "duplicate header \"\(canonical)\" in email config") }
            headers[canonical] = value
        }
        let smarthost = try NotificationConfig.hostPort(yaml, "smarthost") ?? ""
        guard !smarthost.isEmpty || !global.smtpSmarthost.isEmpty else { throw yaml.error("no global SMTP smarthost set") }
        self.smarthost = smarthost.isEmpty ? global.smtpSmarthost : smarthost
        let from = try yaml.string("from") ?? ""
        guard !from.isEmpty || !global.smtpFrom.isEmpty else { throw yaml.error("no global SMTP from set") }
        self.from = from.isEmpty ? global.smtpFrom : from
        hello = try yaml.string("hello").flatMap { $0.isEmpty ? nil : $0 } ?? global.smtpHello
        authUsername = try yaml.string("auth_username").flatMap { $0.isEmpty ? nil : $0 } ?? global.smtpAuthUsername
        let password = try yaml.string("auth_password") ?? ""
        let passwordFile = try yaml.string("auth_password_file") ?? ""
        if password.isEmpty && passwordFile.isEmpty {
            (authPassword, authPasswordFile) = (global.smtpAuthPassword, global.smtpAuthPasswordFile)
        } else {
            (authPassword, authPasswordFile) = (password, passwordFile)
        }
        authSecret = try yaml.string("auth_secret").flatMap { $0.isEmpty ? nil : $0 } ?? global.smtpAuthSecret
        authIdentity = try yaml.string("auth_identity").flatMap { $0.isEmpty ? nil : $0 } ?? global.smtpAuthIdentity
        html = try yaml.string("html") ?? html
        text = try yaml.string("text") ?? ""
        requireTLS = try yaml.bool("require_tls") ?? global.smtpRequireTLS
        if let tlsYAML = try yaml.mapping("tls_config") { tls = try TLSSettings(tlsYAML, directory: "") }
        if headers["Subject"] == nil { headers["Subject"] = #"{{ template "email.default.subject" . }}"# }
        if headers["To"] == nil { headers["To"] = self.to }
        if headers["From"] == nil { headers["From"] = self.from }
        try yaml.finish()
    }

    /// Go's `textproto.CanonicalMIMEHeaderKey`: each dash-separated word capitalised.
    static func canonicalHeader(_ name: String) -> String {
        guard name.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "-") }) else { return name }
        return name.split(separator: "-", omittingEmptySubsequences: false)
            .map { $0.prefix(1).uppercased() + $0.dropFirst().lowercased() }.joined(separator: "-")
    }
}
