// The error types chronomap throws inside its core; the fronts (CLI, GUI) catch them at
// their edges and show the message. Messages name the file, line or field, and reason.
#pragma once

#include <stdexcept>
#include <string>

namespace chronomap {

// Anything that went wrong: the message is complete and meant for the user.
class Error : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

// The user asked for something invalid (an argument, an option value): the command
// line exits with status 2 for these.
class UsageError : public Error {
 public:
  using Error::Error;
};

// An input file could not be read or is not what it claims to be.
class InputError : public Error {
 public:
  using Error::Error;
};

}  // namespace chronomap
