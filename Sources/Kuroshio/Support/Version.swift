/// Kuroshio's version, which `kuroshio --version` prints.
public enum KuroshioVersion {
    public static let current = "0.10.0"
}
