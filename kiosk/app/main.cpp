// Thin entry point: everything is in kiosk_app.cpp so that it can be linked by tests.
#include "kiosk_app.hpp"

int main(int argc, char** argv) { return kiosk::app::run_kiosk(argc, argv); }
