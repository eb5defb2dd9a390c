/// `global:` of an alertmanager.yml: what receivers inherit when they do not say (Alertmanager
/// 0.25's `GlobalConfig`, the keys of the receivers etcdmon delivers to).
public struct AlertmanagerGlobalConfig: Sendable {
    /// How long an alert received without `endsAt` stays firing without news (milliseconds).
    public var resolveTimeout: Int64 = 5 * 60_000
    public var httpClient = HTTPClientSettings()
    public var smtpFrom = ""
    /// `host:port` of the mail server.
    public var smtpSmarthost = ""
    public var smtpHello = "localhost"
    public var smtpAuthUsername = ""
    public var smtpAuthPassword = ""
    public var smtpAuthPasswordFile = ""
    public var smtpAuthSecret = ""
    public var smtpAuthIdentity = ""
    public var smtpRequireTLS = true
    public var slackAPIURL: String?
    public var slackAPIURLFile: String?

    public init() {}

    init(_ yaml: YAMLMapping, directory: String) throws(ConfigError) {
        resolveTimeout = try NotificationConfig.duration(yaml, "resolve_timeout") ?? resolveTimeout
        if let http = try yaml.mapping("http_config") {
            httpClient = try HTTPClientSettings(http, directory: directory)
            try http.finish()
        }
        smtpFrom = try yaml.string("smtp_from") ?? ""
        smtpSmarthost = try NotificationConfig.hostPort(yaml, "smtp_smarthost") ?? ""
        smtpHello = try yaml.string("smtp_hello") ?? smtpHello
        smtpAuthUsername = try yaml.string("smtp_auth_username") ?? ""
        smtpAuthPassword = try yaml.string("smtp_auth_password") ?? ""
        smtpAuthPasswordFile = try yaml.string("smtp_auth_password_file") ?? ""
        smtpAuthSecret = try yaml.string("smtp_auth_secret") ?? ""
        smtpAuthIdentity = try yaml.string("smtp_auth_identity") ?? ""
        smtpRequireTLS = try yaml.bool("smtp_require_tls") ?? true
        slackAPIURL = try NotificationConfig.url(yaml, "slack_api_url")
        slackAPIURLFile = try yaml.string("slack_api_url_file")
        // Accepted for the integrations etcdmon does not deliver to, so a team's file loads unchanged.
        for key in ["pagerduty_url", "opsgenie_api_url", "opsgenie_api_key", "opsgenie_api_key_file", "wechat_api_url",
                    "wechat_api_secret", "wechat_api_corp_id", "victorops_api_url", "victorops_api_key",
                    "victorops_api_key_file", "telegram_api_url", "webex_api_url"] {
            _ = yaml.value(key)
        }
        for (first, second) in [("slack_api_url", "slack_api_url_file"), ("opsgenie_api_key", "opsgenie_api_key_file"),
                                ("victorops_api_key", "victorops_api_key_file"), ("smtp_auth_password", "smtp_auth_password_file")]
        where yaml.value(first) != nil && yaml.value(second) != nil {
            throw yaml.error(first, "at most one of \(first) & \(second) must be configured")
        }
        try yaml.finish()
    }
}
