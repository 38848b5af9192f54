// The bar across the top of every screen: the Skyloom mark, and the signed-in user with
// Sign out on the right.
#pragma once

#include <optional>
#include <string>

namespace skyloom::ui {
struct FontSet;
}

namespace skyloom::app {

enum class TopBarAction { None, SignOut, Home, MakeMeme };

[[nodiscard]] TopBarAction DrawTopBar(const ui::FontSet& fonts,
                                      const std::optional<std::string>& user, bool busy);

}  // namespace skyloom::app
