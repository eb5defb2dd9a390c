import Config
import EtcdmonModel
import Foundation

/// Delivers to a Slack incoming webhook: one attachment with Alertmanager's texts (title, link,
/// colour by status, fields, buttons), each a template; the request body is the JSON Alertmanager
/// 0.25 sends, key for key.
public struct SlackIntegration: Integration {
    public let name = "slack"
    public let config: SlackConfig
    let client: IntegrationClient
    let templates: NotificationTemplates

    public var sendResolved: Bool { config.sendResolved }

    init(_ config: SlackConfig, client: IntegrationClient, templates: NotificationTemplates) {
        (self.config, self.client, self.templates) = (config, client, templates)
    }

    /// The longest title Slack keeps (in characters); a longer one is cut and ends in `…`.
    static let maximumTitle = 1024

    public func notify(_ alerts: [Alert], context: NotificationContext) async throws(NotifyError) {
        let data = NotificationData(receiver: context.receiver, groupLabels: context.groupLabels, alerts: alerts,
                                    externalURL: context.externalURL, now: context.now)
        let body: [UInt8]
        do { body = try request(data) } catch {
            throw NotifyError("channel \(GoJSON.quoted(config.channel)): template: \(error)", retryable: false)
        }
        let url: String
        if let apiURL = config.apiURL {
            url = apiURL
        } else if let file = config.apiURLFile {
            guard let contents = try? String(contentsOfFile: file, encoding: .utf8) else {
                throw NotifyError("read api_url_file \(file): cannot read", retryable: false)
            }
            url = contents.trimmingCharacters(in: .whitespacesAndNewlines)
        } else {
            throw NotifyError("no Slack API URL", retryable: false)
        }
        do { try await client.post(body, to: url, contentType: "application/json") } catch {
            throw NotifyError("channel \(GoJSON.quoted(config.channel)): \(error.description)", retryable: error.retryable)
        }
    }

    public func render(_ data: NotificationData) throws { _ = try request(data) }

    /// The request body for `data`.
    func request(_ data: NotificationData) throws -> [UInt8] {
        func text(_ source: String) throws -> String { try templates.text(source, data) }
        var title = try text(config.title)
        if title.count > Self.maximumTitle { title = String(title.prefix(Self.maximumTitle - 1)) + "…" }
        var out = "{"
        var fields: [String] = []
        func add(_ key: String, _ value: String, always: Bool = false) {
            if always || !value.isEmpty { fields.append(GoJSON.quoted(key) + ":" + GoJSON.quoted(value)) }
        }
        add("channel", try text(config.channel))
        add("username", try text(config.username))
        add("icon_emoji", try text(config.iconEmoji))
        add("icon_url", try text(config.iconURL))
        if config.linkNames { fields.append("\"link_names\":true") }
        var attachment: [String] = []
        func attach(_ key: String, _ value: String, always: Bool = false) {
            if always || !value.isEmpty { attachment.append(GoJSON.quoted(key) + ":" + GoJSON.quoted(value)) }
        }
        attach("title", title)
        attach("title_link", try text(config.titleLink))
        attach("pretext", try text(config.pretext))
        attach("text", try text(config.text), always: true)
        attach("fallback", try text(config.fallback), always: true)
        attach("callback_id", try text(config.callbackID), always: true)
        if !config.fields.isEmpty {
            var encoded: [String] = []
            for field in config.fields {
                let short = field.short ?? config.shortFields
                encoded.append("{\"title\":" + GoJSON.quoted(try text(field.title)) + ",\"value\":" + GoJSON.quoted(try text(field.value))
                               + ",\"short\":" + (short ? "true" : "false") + "}")
            }
            attachment.append("\"fields\":[" + encoded.joined(separator: ",") + "]")
        }
        if !config.actions.isEmpty {
            var encoded: [String] = []
            for action in config.actions {
                var parts: [String] = []
                for (key, value) in [("type", action.type), ("text", action.text), ("url", action.url), ("style", action.style),
                                     ("name", action.name), ("value", action.value)] {
                    let rendered = try text(value)
                    if !rendered.isEmpty { parts.append(GoJSON.quoted(key) + ":" + GoJSON.quoted(rendered)) }
                }
                encoded.append("{" + parts.joined(separator: ",") + "}")
            }
            attachment.append("\"actions\":[" + encoded.joined(separator: ",") + "]")
        }
        attach("image_url", try text(config.imageURL))
        attach("thumb_url", try text(config.thumbURL))
        attach("footer", try text(config.footer), always: true)
        attach("color", try text(config.color))
        let markdown = config.mrkdwnIn ?? ["fallback", "pretext", "text"]
        if !markdown.isEmpty { attachment.append("\"mrkdwn_in\":[" + markdown.map(GoJSON.quoted).joined(separator: ",") + "]") }
        fields.append("\"attachments\":[{" + attachment.joined(separator: ",") + "}]")
        out += fields.joined(separator: ",") + "}\n"
        return Array(out.utf8)
    }
}
