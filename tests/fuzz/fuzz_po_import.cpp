// A translator's PO file imported into a bundle (kiosk-content import-po): parsed by
// libgettextpo, every text checked as MessageFormat, the bundle reloaded. Each run starts from
// the test bundle's own es.toml.
#include "fuzz_input_file.hpp"
#include "po_exchange.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    static const std::filesystem::path bundle = [] {
        const std::filesystem::path dir = kiosk::fuzz::work_dir() / "bundle";
        std::filesystem::remove_all(dir);
        std::filesystem::copy(std::filesystem::path(KIOSK_SOURCE_DIR) / "tests/content/mini-bundle", dir, std::filesystem::copy_options::recursive);
        return dir;
    }();
    static const std::string original = [] {
        std::ifstream in(bundle / "locales/es.toml", std::ios::binary);
        return std::string((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    }();
    std::ofstream(bundle / "locales/es.toml", std::ios::binary | std::ios::trunc) << original;
    const std::filesystem::path po = kiosk::fuzz::write_input("es.po", data, size);
    (void)kiosk::content::import_po(bundle, "es", po);
    return 0;
}
