import EtcdmonModel
import Synchronization
import TSDB

/// Runs rule groups (Prometheus's `rules.Manager`): one loop per group, evaluating at the group's
/// aligned instants on a thread pool apart from the server's event loops; a reload replaces the
/// groups, keeping those whose definition did not change (and so their alerts' state) and
/// marking the series of removed ones stale.
public final class RuleManager: Sendable {
    private let sink: any SampleSink
    private let context: Mutex<RuleContext>
    private let sender: (any AlertSender)?
    private let options: RuleOptions
    private let run: @Sendable (@escaping @Sendable () -> Void) async -> Void
    private let running = Mutex<[Running]>([])

    private struct Running {
        var group: RuleGroup
        var task: Task<Void, Never>
    }

    /// Rules write to `sink`, query through `context` and send alerts to `sender`; `run` runs each
    /// evaluation where it belongs (a query thread pool in `etcdmon serve`; in place by default).
    public init(sink: any SampleSink, context: RuleContext, sender: (any AlertSender)?, options: RuleOptions = .init(),
                run: @escaping @Sendable (@escaping @Sendable () -> Void) async -> Void = { $0() }) {
        self.sink = sink
        self.context = Mutex(context)
        self.sender = sender
        self.options = options
        self.run = run
    }

    /// The groups running, in load order.
    public var groups: [RuleGroup] { running.withLock { $0.map(\.group) } }

    /// Replaces the external labels and URL templates see (on a configuration reload).
    public func update(context: RuleContext) { self.context.withLock { $0 = context } }

    /// Runs `groups` from now on: unchanged groups go on as they were, the others start, and
    /// removed groups stop, their series marked stale.
    public func update(groups: [RuleGroup]) {
        let stopped = running.withLock { running -> [Running] in
            var kept: [Running] = []
            var previous = running
            for group in groups {
                if let index = previous.firstIndex(where: { $0.group.fingerprint == group.fingerprint && !group.fingerprint.isEmpty }) {
                    kept.append(previous.remove(at: index))
                } else {
                    kept.append(Running(group: group, task: Task.detached { [self] in await loop(group) }))
                }
            }
            running = kept
            return previous
        }
        for old in stopped {
            old.task.cancel()
            old.group.markStale(at: Timestamp.now(), sink: sink)
        }
    }

    /// Stops every group (series are not marked stale: the rules still exist, etcdmon stops).
    public func stop() {
        let all = running.withLock { running in
            defer { running = [] }
            return running
        }
        for entry in all { entry.task.cancel() }
    }

    private func loop(_ group: RuleGroup) async {
        var next = group.evaluationTime(atOrBefore: Timestamp.now()) + group.interval
        while !Task.isCancelled {
            let wait = next - Timestamp.now()
            if wait > 0 {
                do { try await Task.sleep(for: .milliseconds(wait)) } catch { return }
            }
            let time = next
            let context = self.context.withLock { $0 }
            let (sink, sender, options) = (self.sink, self.sender, self.options)
            await run {
                group.evaluate(at: time, context: context, sink: sink, sender: sender, options: options)
                group.restoreIfDue(at: Timestamp.now(), context: context, options: options)
            }
            // A slow evaluation skips the instants it missed rather than running them late.
            next += group.interval
            let now = Timestamp.now()
            if next + group.interval <= now { next = group.evaluationTime(atOrBefore: now) }
        }
    }

    /// Every alerting rule's active alerts, for `/api/v1/alerts`.
    public var alerts: [(rule: AlertingRule, alert: Alert)] {
        groups.flatMap { $0.rules.compactMap { $0 as? AlertingRule } }.flatMap { rule in
            rule.alerts.filter { $0.state != .inactive }.map { (rule, $0) }
        }
    }
}
