// The subcommands of the `chronomap` command line, one file each. Every command takes
// its own argv (argv[0] is the command's name) and returns the process exit status:
// 0 success, 1 a failure while doing the work, 2 invalid arguments or input.
#pragma once

namespace chronomap::cli {

int run_render(int argc, char** argv);
int run_import(int argc, char** argv);
int run_events(int argc, char** argv);
int run_links(int argc, char** argv);
int run_geocode(int argc, char** argv);
int run_gazetteer(int argc, char** argv);
int run_check(int argc, char** argv);

}  // namespace chronomap::cli
