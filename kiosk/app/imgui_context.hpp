#pragma once
// A Dear ImGui context that is destroyed with its owner, on every path out (an exception at
// start-up included), and made current when created.
#include <memory>

#include <imgui.h>

namespace kiosk::app {

struct ImGuiContextDeleter {
    void operator()(ImGuiContext* context) const { ImGui::DestroyContext(context); }
};
using OwnedImGuiContext = std::unique_ptr<ImGuiContext, ImGuiContextDeleter>;

// The kiosk's settings: no imgui.ini written anywhere, and the cursor left as the kiosk set it.
inline OwnedImGuiContext make_kiosk_imgui_context() {
    OwnedImGuiContext context(ImGui::CreateContext());
    ImGuiIO& io = ImGui::GetIO();
    io.IniFilename = nullptr;
    io.ConfigFlags |= ImGuiConfigFlags_NoMouseCursorChange;
    return context;
}

}  // namespace kiosk::app
