#include "bundle_structure.hpp"

#include <algorithm>
#include <set>

#include "toml_file.hpp"

namespace kiosk::content {

namespace {

class StructureReader {
public:
    StructureReader(std::string file, Diagnostics& diagnostics) : file_(std::move(file)), diagnostics_(diagnostics) {}

    // A text reference is either "some.key" or { key = "some.key", args = { minutes = 60 } }.
    TextRef text_ref(const toml::node& node, std::string_view what) {
        TextRef ref{{}, {}, file_, position_of(node)};
        if (auto key = node.value<std::string>(); key && node.is_string()) {
            ref.key = *key;
        } else if (const toml::table* t = node.as_table()) {
            report_unknown_keys(*t, {"key", "args"}, file_, "a text reference", diagnostics_);
            if (auto key2 = (*t)["key"].value<std::string>()) ref.key = *key2;
            else error(node, std::string(what) + ": { … } needs key = \"the.text.key\"");
            if (const toml::node* args = t->get("args")) read_arguments(*args, ref);
        } else {
            error(node, std::string(what) + " must be a text key in quotes, or { key = \"…\", args = { … } }, not " +
                            std::string(describe_toml_type(node)));
        }
        return ref;
    }

    std::vector<TextRef> text_refs(const toml::node& node, std::string_view what) {
        std::vector<TextRef> refs;
        const toml::array* list = node.as_array();
        if (list == nullptr) {
            error(node, std::string(what) + " must be a list [ \"key\", … ]");
            return refs;
        }
        for (const toml::node& item : *list) refs.push_back(text_ref(item, what));
        return refs;
    }

    void error(const toml::node& node, std::string message) { diagnostics_.error(file_, position_of(node), std::move(message)); }
    void error(SourcePosition at, std::string message) { diagnostics_.error(file_, at, std::move(message)); }
    const std::string& file() const { return file_; }
    Diagnostics& diagnostics() { return diagnostics_; }

private:
    void read_arguments(const toml::node& node, TextRef& ref) {
        const toml::table* args = node.as_table();
        if (args == nullptr) {
            error(node, "args must be a table such as { minutes = 60 }");
            return;
        }
        for (const auto& [name, value] : *args) {
            if (auto i = value.value_exact<int64_t>()) ref.arguments.push_back({std::string(name.str()), *i});
            else if (auto d = value.value_exact<double>()) ref.arguments.push_back({std::string(name.str()), *d});
            else if (auto s = value.value_exact<std::string>()) ref.arguments.push_back({std::string(name.str()), *s});
            else error(value, "the value of '" + std::string(name.str()) + "' must be a number or text");
        }
    }

    std::string file_;
    Diagnostics& diagnostics_;
};

PageBlock read_block(const toml::table& block, StructureReader& r) {
    report_unknown_keys(block, {"text", "heading", "list", "numbered", "columns", "rows", "image", "alt"}, r.file(),
                        "a page block", r.diagnostics());
    PageBlock out;
    int kinds = 0;
    if (const toml::node* n = block.get("text")) { out.kind = PageBlock::Kind::paragraph; out.text = r.text_ref(*n, "text"); ++kinds; }
    if (const toml::node* n = block.get("heading")) { out.kind = PageBlock::Kind::heading; out.text = r.text_ref(*n, "heading"); ++kinds; }
    if (const toml::node* n = block.get("list")) {
        out.kind = PageBlock::Kind::list;
        out.items = r.text_refs(*n, "list");
        out.numbered = block["numbered"].value_or(false);
        ++kinds;
    }
    if (const toml::node* n = block.get("columns")) {
        out.kind = PageBlock::Kind::table;
        out.table.columns = r.text_refs(*n, "columns");
        ++kinds;
        const toml::array* rows = block["rows"].as_array();
        if (rows == nullptr) r.error(position_of(block), "a table needs rows = [ [ \"cell\", … ], … ]");
        // Iterate the parsed array itself: a copy of a toml++ node loses its source positions.
        static const toml::array no_rows;
        for (const toml::node& row : rows ? *rows : no_rows) {
            out.table.rows.push_back(r.text_refs(row, "a table row"));
            const std::vector<TextRef>& cells = out.table.rows.back();
            if (cells.size() != out.table.columns.size() && row.is_array()) {
                const SourcePosition at = cells.empty() ? position_of(*rows) : cells.front().at;
                r.error(at, "this row has " + std::to_string(cells.size()) + " cell(s) but the table has " +
                                std::to_string(out.table.columns.size()) + " columns");
            }
        }
    }
    if (const toml::node* n = block.get("image")) {
        out.kind = PageBlock::Kind::image;
        ++kinds;
        out.image.path = n->value_or(std::string{});
        out.image.at = position_of(*n);
        if (const toml::node* alt = block.get("alt")) out.image.alt = r.text_ref(*alt, "alt");
        else r.error(*n, "an image needs alt = \"key of a text that describes it\"");
    }
    if (kinds != 1) {
        r.error(position_of(block), kinds == 0 ? "a block needs one of: text, heading, list, columns (a table), image"
                                               : "a block must be exactly one of: text, heading, list, columns, image");
    }
    return out;
}

void read_pages(const std::filesystem::path& bundle_dir, BundleStructure& structure, Diagnostics& diagnostics) {
    std::optional<TomlFile> file = read_toml_file(bundle_dir, pages_file, diagnostics);
    if (!file) return;
    StructureReader r(pages_file, diagnostics);
    report_unknown_keys(file->root, {"footer", "page"}, pages_file, "pages.toml", diagnostics);

    if (const toml::node* footer = file->root.get("footer")) structure.page_footer = r.text_ref(*footer, "footer");
    else r.error(SourcePosition{1, 1}, "pages.toml needs footer = \"key\": the text that ends every page");

    const toml::array* pages = file->root["page"].as_array();
    if (pages == nullptr || pages->empty()) {
        r.error(SourcePosition{1, 1}, "pages.toml has no [[page]]");
        return;
    }
    std::set<std::string> ids;
    for (const toml::node& node : *pages) {
        const toml::table* page = node.as_table();
        if (page == nullptr) continue;
        report_unknown_keys(*page, {"id", "title", "block"}, pages_file, "a [[page]]", diagnostics);
        EducationPage out;
        out.id = (*page)["id"].value_or(std::string{});
        if (out.id.empty()) r.error(position_of(*page), "a [[page]] needs id = \"short_name\"");
        else if (!ids.insert(out.id).second) r.error(*page->get("id"), "two pages have the id '" + out.id + "'");
        if (const toml::node* title = page->get("title")) out.title = r.text_ref(*title, "title");
        else r.error(position_of(*page), "page '" + out.id + "' needs title = \"key\"");
        if (const toml::array* blocks = (*page)["block"].as_array()) {
            for (const toml::node& b : *blocks) {
                if (const toml::table* block = b.as_table()) out.blocks.push_back(read_block(*block, r));
            }
        }
        structure.pages.push_back(std::move(out));
    }
}

void read_interface(const std::filesystem::path& bundle_dir, BundleStructure& structure, Diagnostics& diagnostics) {
    std::optional<TomlFile> file = read_toml_file(bundle_dir, interface_file, diagnostics);
    if (!file) return;
    report_unknown_keys(file->root, {"text"}, interface_file, "interface.toml", diagnostics);
    const toml::table* texts = file->root["text"].as_table();
    if (texts == nullptr) {
        diagnostics.error(interface_file, {1, 1}, "interface.toml needs a [text] table");
        return;
    }
    for (const auto& [key, value] : *texts) {
        InterfaceText text{std::string(key.str()), {}, interface_file, position_of(key)};
        const toml::array* names = value.as_array();
        if (names == nullptr) {
            diagnostics.error(interface_file, position_of(value), "'" + text.key + "' must list its values: [] or [\"ticket\"]");
            continue;
        }
        for (const toml::node& n : *names) {
            if (auto name = n.value<std::string>()) text.argument_names.push_back(*name);
            else diagnostics.error(interface_file, position_of(n), "value names must be text in quotes");
        }
        std::sort(text.argument_names.begin(), text.argument_names.end());
        structure.interface_texts.push_back(std::move(text));
    }
}

}  // namespace

BundleStructure read_bundle_structure(const std::filesystem::path& bundle_dir, Diagnostics& diagnostics) {
    BundleStructure structure;
    read_pages(bundle_dir, structure, diagnostics);
    read_interface(bundle_dir, structure, diagnostics);
    return structure;
}

std::vector<const TextRef*> all_text_refs(const BundleStructure& structure) {
    std::vector<const TextRef*> refs;
    if (!structure.page_footer.key.empty()) refs.push_back(&structure.page_footer);
    for (const EducationPage& page : structure.pages) {
        if (!page.title.key.empty()) refs.push_back(&page.title);
        for (const PageBlock& block : page.blocks) {
            switch (block.kind) {
                case PageBlock::Kind::paragraph:
                case PageBlock::Kind::heading: refs.push_back(&block.text); break;
                case PageBlock::Kind::list:
                    for (const TextRef& item : block.items) refs.push_back(&item);
                    break;
                case PageBlock::Kind::table:
                    for (const TextRef& c : block.table.columns) refs.push_back(&c);
                    for (const auto& row : block.table.rows)
                        for (const TextRef& cell : row) refs.push_back(&cell);
                    break;
                case PageBlock::Kind::image:
                    if (!block.image.alt.key.empty()) refs.push_back(&block.image.alt);
                    break;
            }
        }
    }
    std::erase_if(refs, [](const TextRef* r) { return r->key.empty(); });
    return refs;
}

}  // namespace kiosk::content
