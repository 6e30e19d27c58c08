import FuzzSupport
import Kuroshio

/// Recipe parsing and validation: any YAML is a recipe or a `ConfigError`, never a crash.
@_cdecl("LLVMFuzzerTestOneInput")
func fuzzRecipe(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    _ = try? PipelineConfig.parse(String(decoding: bytes(data, size), as: UTF8.self), file: "fuzz.yaml")
    return 0
}

@_cdecl("FuzzRecipe_main")
func main(_ argc: CInt, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?) -> CInt {
    runFuzzer(argc, argv, fuzzRecipe)
}
