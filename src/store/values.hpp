// Parsing one field's text into a checked value; failures are the reason half of a
// "field 'date': '2025-02-30' is not a date that exists" message.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <variant>

#include "core/date.hpp"

namespace chronomap::store {

// A field's text in single quotes for a message, cut after 40 bytes ("...") so that a
// 5 MB field is not echoed back whole.
std::string quoted(std::string_view text);

std::string_view trim_blanks(std::string_view text);

// Each returns the value, or the reason it is not one (the caller names the field).
std::variant<DayNumber, std::string> parse_day_value(std::string_view text);
std::variant<double, std::string> parse_coordinate(std::string_view text, double limit);  // |v| <= limit
std::variant<std::int64_t, std::string> parse_count(std::string_view text);               // a whole number >= 0

}  // namespace chronomap::store
