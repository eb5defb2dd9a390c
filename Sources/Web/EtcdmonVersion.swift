/// The version etcdmon reports.
public enum EtcdmonVersion {
    public static let current = "0.1.0"
}
