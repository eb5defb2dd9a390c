import CCrypt
import Glibc

/// bcrypt through libxcrypt (Debian's libcrypt-dev), which reads the `$2a$`, `$2b$` and `$2y$`
/// hashes Go's `x/crypto/bcrypt`, Python's `bcrypt` and `htpasswd -B` write.
package enum Bcrypt {
    /// Whether `password` hashes to `hash`. Costs what the hash's cost says (about 50 ms at 10).
    package static func matches(password: String, hash: String) -> Bool {
        guard let computed = crypt(password, setting: hash) else { return false }
        // Constant-time: how much of the hash matched must not show in the time taken.
        let expected = Array(hash.utf8)
        guard computed.count == expected.count else { return false }
        return zip(computed, expected).reduce(UInt8(0)) { $0 | ($1.0 ^ $1.1) } == 0
    }

    /// A new `$2b$` hash of `password` with a random salt.
    package static func hash(password: String, cost: Int = 10) -> String? {
        var setting = [CChar](repeating: 0, count: Int(CRYPT_GENSALT_OUTPUT_SIZE))
        guard crypt_gensalt_rn("$2b$", UInt(cost), nil, 0, &setting, Int32(setting.count)) != nil else { return nil }
        let salt = String(decoding: setting.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
        return crypt(password, setting: salt).map { String(decoding: $0, as: UTF8.self) }
    }

    /// `crypt_rn`'s output for `password` under `setting` (a hash or a salt), or `nil` on failure.
    private static func crypt(_ password: String, setting: String) -> [UInt8]? {
        let data = UnsafeMutablePointer<crypt_data>.allocate(capacity: 1)
        defer {
            // The scratch area held the password: clear it before giving it back.
            UnsafeMutableRawPointer(data).initializeMemory(as: UInt8.self, repeating: 0, count: MemoryLayout<crypt_data>.size)
            data.deallocate()
        }
        UnsafeMutableRawPointer(data).initializeMemory(as: UInt8.self, repeating: 0, count: MemoryLayout<crypt_data>.size)
        guard let output = crypt_rn(password, setting, data, Int32(MemoryLayout<crypt_data>.size)) else { return nil }
        let result = Array(UnsafeBufferPointer(start: output, count: strlen(output))).map { UInt8(bitPattern: $0) }
        // libxcrypt writes a string starting with "*" on failure instead of returning NULL in some modes.
        return result.first == UInt8(ascii: "*") ? nil : result
    }
}
