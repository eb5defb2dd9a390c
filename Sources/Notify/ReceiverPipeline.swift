import CoreMetrics
import EtcdmonModel
import Logging

/// What happens to a flushed group's alerts for one receiver (Alertmanager's notification
/// pipeline): muted alerts dropped; then each integration, concurrently, notifies when the
/// notification log says something changed or the repeat interval passed, retrying with
/// exponential backoff until the flush's deadline, and logs what it delivered.
public struct ReceiverPipeline: Sendable {
    public let receiver: String
    /// The integrations with their index among those of the same kind (`webhook[0]`).
    let integrations: [(index: Int, integration: any Integration)]
    let muting: Muting
    let log: NotificationLog
    let history: NotificationHistory
    let logger: Logger

    init(receiver: String, integrations: [any Integration], muting: Muting, log: NotificationLog,
         history: NotificationHistory = NotificationHistory(), logger: Logger) {
        var counts: [String: Int] = [:]
        self.integrations = integrations.map { integration in
            defer { counts[integration.name, default: 0] += 1 }
            return (counts[integration.name, default: 0], integration)
        }
        (self.receiver, self.muting, self.log, self.history, self.logger) = (receiver, muting, log, history, logger)
    }

    /// Notifies `alerts` of a group at `now`; false when an integration failed (the group then
    /// keeps its resolved alerts for the next flush).
    func notify(_ alerts: [Alert], options: Route.Options, context: NotificationContext) async -> Bool {
        let now = context.now
        let unmuted = alerts.filter { !muting.isMuted($0, now: now) }
        guard muting.routeIsActive(options, now: now), !unmuted.isEmpty else { return true }
        // Alertmanager gives a flush until the next one to deliver (at least 10 s).
        let deadline = ContinuousClock.now + .nanoseconds(max(options.groupInterval, 10 * Route.second))
        return await withTaskGroup(of: Bool.self) { tasks in
            for (index, integration) in integrations {
                tasks.addTask {
                    await deliver(unmuted, through: integration, index: index, options: options, context: context, deadline: deadline)
                }
            }
            var succeeded = true
            for await delivered in tasks where !delivered { succeeded = false }
            return succeeded
        }
    }

    /// The dedup, retry and log stages of one integration.
    private func deliver(_ alerts: [Alert], through integration: any Integration, index: Int, options: Route.Options,
                         context: NotificationContext, deadline: ContinuousClock.Instant) async -> Bool {
        let key = NotificationLog.ReceiverKey(receiver: receiver, integration: integration.name, index: index)
        let firing = alerts.filter { !$0.isResolved(at: context.now) }
        let resolved = alerts.filter { $0.isResolved(at: context.now) }
        let firingHashes = firing.map { Fingerprint.alertHash($0.labels) }
        let resolvedHashes = resolved.map { Fingerprint.alertHash($0.labels) }
        let entry = log.entry(groupKey: context.groupKey, receiver: key)
        guard NotificationLog.needsUpdate(entry, firing: Set(firingHashes), resolved: Set(resolvedHashes),
                                          sendResolved: integration.sendResolved, repeatInterval: options.repeatInterval,
                                          now: context.now) else { return true }
        let dimensions = [("integration", integration.name)]
        Counter(label: "alertmanager_notifications_total", dimensions: dimensions).increment()
        // Without send_resolved only firing alerts go out, and an all-resolved group is only logged.
        let sent = integration.sendResolved ? alerts : firing
        if !sent.isEmpty {
            let started = ContinuousClock.now
            let (attempts, failure) = await retry(sent, through: integration, index: index, context: context, deadline: deadline)
            history.add(.init(time: context.now, receiver: receiver, integration: "\(integration.name)[\(index)]", groupKey: context.groupKey,
                              firing: sent.count - resolved.count, resolved: integration.sendResolved ? resolved.count : 0,
                              error: failure.map(\.description), attempts: attempts, seconds: (ContinuousClock.now - started).totalSeconds))
            guard failure == nil else {
                Counter(label: "alertmanager_notifications_failed_total", dimensions: dimensions).increment()
                return false
            }
        }
        do {
            try log.log(groupKey: context.groupKey, receiver: key, firing: firingHashes, resolved: resolvedHashes, now: context.now,
                        expiry: 2 * options.repeatInterval)
        } catch {
            // Delivered all the same; only a restart before the next save could repeat it.
            logger.error("notification log not saved", metadata: ["error": "\(error)"])
        }
        return true
    }

    /// Attempts until one succeeds, the error is final, or the deadline passes: the first at once,
    /// then after exponentially growing, jittered pauses (Alertmanager's backoff: 0.5 s × 1.5ⁿ,
    /// ±50 %, at most 60 s).
    private func retry(_ alerts: [Alert], through integration: any Integration, index: Int, context: NotificationContext,
                       deadline: ContinuousClock.Instant) async -> (attempts: Int, failure: NotifyError?) {
        let dimensions = [("integration", integration.name)]
        var interval = 0.5
        var attempts = 0
        while true {
            attempts += 1
            let started = ContinuousClock.now
            Counter(label: "alertmanager_notification_requests_total", dimensions: dimensions).increment()
            do {
                try await integration.notify(alerts, context: context)
                Timer(label: "alertmanager_notification_latency_seconds", dimensions: dimensions).recordInterval(since: started)
                return (attempts, nil)
            } catch {
                Timer(label: "alertmanager_notification_latency_seconds", dimensions: dimensions).recordInterval(since: started)
                Counter(label: "alertmanager_notification_requests_failed_total", dimensions: dimensions).increment()
                let name = "\(receiver)/\(integration.name)[\(index)]"
                let pause = interval * Double.random(in: 0.5...1.5)
                interval = min(interval * 1.5, 60)
                guard error.retryable, ContinuousClock.now + .seconds(pause) < deadline, !Task.isCancelled else {
                    let reason = error.retryable ? "notify retry canceled after \(attempts) attempts" : "notify retry canceled due to unrecoverable error after \(attempts) attempts"
                    logger.error("notify failed", metadata: ["integration": "\(name)", "error": "\(reason): \(error)", "group": "\(context.groupKey)"])
                    return (attempts, NotifyError("\(reason): \(error)", retryable: error.retryable))
                }
                logger.warning("notify attempt failed, will retry later", metadata: ["integration": "\(name)", "attempts": "\(attempts)", "error": "\(error)"])
                try? await Task.sleep(for: .seconds(pause))
            }
        }
    }
}

extension Timer {
    func recordInterval(since start: ContinuousClock.Instant) {
        let elapsed = ContinuousClock.now - start
        recordNanoseconds(elapsed.components.seconds * 1_000_000_000 + elapsed.components.attoseconds / 1_000_000_000)
    }
}
