// The `renewal` command-line tool: reads and writes the documented JSON formats.
#include <iostream>

#include "command.h"

int main(int argc, char** argv) { return renewal::cli::RunMain(argc, argv, std::cout, std::cerr); }
