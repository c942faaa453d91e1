// chronomap's entry point: a subcommand runs the command line; otherwise the window opens.
#include "cli/cli.hpp"

int main(int argc, char** argv) {
  return chronomap::cli::run(argc, argv);
}
