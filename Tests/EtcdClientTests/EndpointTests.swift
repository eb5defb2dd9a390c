import EtcdClient
import Testing

@Suite("Endpoint parsing")
struct EndpointTests {
    @Test func acceptedForms() throws {
        #expect(try EtcdEndpoint(parsing: "http://127.0.10.1:2379").url == "http://127.0.10.1:2379")
        #expect(try EtcdEndpoint(parsing: "HTTPS://etcd-1.example:2379/").url == "https://etcd-1.example:2379")
        #expect(try EtcdEndpoint(parsing: "127.0.10.2:3379").url == "http://127.0.10.2:3379")
        #expect(try EtcdEndpoint(parsing: "localhost").url == "http://localhost:2379")
        #expect(try EtcdEndpoint(parsing: "http://[::1]:2379").url == "http://[::1]:2379")
        #expect(try EtcdEndpoint(parsing: "https://[::1]:2379").host == "::1")
        let list = try EtcdEndpoint.parseList("http://a:1, http://b:2,,http://a:1")
        #expect(list.map(\.url) == ["http://a:1", "http://b:2"])
    }

    @Test("refused forms say why", arguments: [
        ("", "empty endpoint"),
        ("ftp://host:21", "unsupported scheme 'ftp'"),
        ("http://host:0", "invalid port '0'"),
        ("http://host:99999", "invalid port '99999'"),
        ("http://host:port", "invalid port 'port'"),
        ("http://host:2379/v3", "without path"),
        ("http://user:pw@host:2379", "without path, query or user info"),
        ("http://ho st:1", "invalid host"),
        ("http://[::1:2379", "unterminated IPv6"),
    ])
    func refused(input: String, reason: String) {
        #expect {
            try EtcdEndpoint(parsing: input)
        } throws: { error in
            (error as? EndpointParseError)?.description.contains(reason) == true
        }
    }

    @Test func emptyListIsRefused() {
        #expect(throws: EndpointParseError.self) { try EtcdEndpoint.parseList(" , ") }
    }
}
