#pragma once
// The kiosk program: start-up as named steps, the window, and the render loop.
//   kiosk [--config FILE] [--bundle DIR] [--database FILE] [--windowed WxH]
//         [--screenshot DIR --script FILE]
namespace kiosk::app {

int run_kiosk(int argc, char** argv);

}  // namespace kiosk::app
