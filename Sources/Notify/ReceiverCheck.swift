import Config
import EtcdmonModel
import Foundation

/// What `etcdmon alertmanager check` and `test-receiver` do with receivers: render every text of
/// every integration for a made-up alert (a template that fails is found before an alert needs
/// it), or send a real test notification and report each integration's outcome.
public enum ReceiverCheck {
    /// A made-up firing alert, as a test notification carries it.
    public static func sampleAlert(now: Int64) -> Alert {
        Alert(labels: Labels(["alertname": "TestAlert", "instance": "127.0.10.1:2379", "job": "etcd", "severity": "critical"]),
              annotations: Labels(["description": "A test notification from etcdmon.", "summary": "Test notification"]),
              startsAt: now, endsAt: now + 300 * 1_000_000_000, generatorURL: "", updatedAt: now)
    }

    /// The first problem rendering `config`'s receivers for the sample alert: receiver, integration
    /// and reason; nil when every text renders.
    public static func renderAll(_ config: NotificationConfig, externalURL: String) -> String? {
        let templates: NotificationTemplates
        do { templates = try NotificationTemplates(files: config.templates) } catch { return "templates: \(error)" }
        let now = Int64(Date().timeIntervalSince1970 * 1e9)
        let alert = sampleAlert(now: now)
        for receiver in config.receivers {
            guard let (integrations, clients) = try? BuiltInAlertmanager.integrations(of: receiver, templates: templates) else {
                return "receiver \(GoJSON.quoted(receiver.name)): cannot set up its integrations"
            }
            defer { for client in clients { client.syncShutdown() } }
            let data = NotificationData(receiver: receiver.name, groupLabels: Labels(["alertname": "TestAlert"]), alerts: [alert],
                                        externalURL: externalURL, now: now)
            for (index, integration) in integrations.enumerated() {
                do { try integration.render(data) } catch {
                    return "receiver \(GoJSON.quoted(receiver.name)), \(integration.name) (integration \(index)): \(error)"
                }
            }
        }
        return nil
    }

    /// Sends the sample alert through each integration of `receiver` once; the outcome of each.
    public static func send(_ receiver: AlertReceiverConfig, config: NotificationConfig, externalURL: String) async throws -> [(String, NotifyError?)] {
        let templates = try NotificationTemplates(files: config.templates)
        let (integrations, clients) = try BuiltInAlertmanager.integrations(of: receiver, templates: templates)
        let now = Int64(Date().timeIntervalSince1970 * 1e9)
        let context = NotificationContext(receiver: receiver.name, groupKey: "{}:{alertname=\"TestAlert\"}",
                                          groupLabels: Labels(["alertname": "TestAlert"]), now: now, externalURL: externalURL)
        var outcomes: [(String, NotifyError?)] = []
        var counts: [String: Int] = [:]
        for integration in integrations {
            let name = "\(integration.name)[\(counts[integration.name, default: 0])]"
            counts[integration.name, default: 0] += 1
            do {
                try await integration.notify([sampleAlert(now: now)], context: context)
                outcomes.append((name, nil))
            } catch {
                outcomes.append((name, error))
            }
        }
        for client in clients { await client.shutdown() }
        return outcomes
    }
}
