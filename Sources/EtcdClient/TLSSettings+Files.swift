import Config

extension TLSSettings {
    /// The files as the etcd client and `EtcdClient.makeTLSConfiguration` take them.
    package var files: TLSFiles {
        TLSFiles(caCertificate: caFile, certificate: certFile, key: keyFile, insecureSkipVerify: insecureSkipVerify)
    }
}
