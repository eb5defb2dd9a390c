import Testing
import EtcdmonModel
@testable import Rules

/// Groups are evaluated at Prometheus's instants: an offset from the xxHash64 of the group's name
/// and file, so etcdmon and Prometheus evaluate the same group at the same times.
@Suite("Group evaluation schedule")
struct GroupScheduleTests {
    @Test("xxHash64 matches the reference vectors")
    func xxhash() {
        #expect(XXHash64.hash(Array("".utf8)) == 0xEF46_DB37_51D8_E999)
        #expect(XXHash64.hash(Array("a".utf8)) == 0xD24E_C4F1_A98C_6E5B)
        #expect(XXHash64.hash(Array("abc".utf8)) == 0x44BC_2CF5_AD77_0999)
        #expect(XXHash64.hash(Array("Nobody inspects the spammish repetition".utf8)) == 0xFBCE_A83C_8A37_8BF1)
    }

    @Test("evaluation instants are offset + k × interval, at or before the time asked")
    func instants() {
        let group = RuleGroup(name: "etcd", file: "/etc/prometheus/etcd.rules.yml", interval: 15_000, rules: [])
        let offset = group.offset
        #expect(offset >= 0 && offset < 15_000)
        let time: Int64 = 1_700_000_012_345
        let instant = group.evaluationTime(atOrBefore: time)
        #expect(instant <= time && time - instant < 15_000)
        #expect(((instant - offset) % 15_000 + 15_000) % 15_000 == 0)
        #expect(group.evaluationTime(atOrBefore: instant) == instant)
    }
}
