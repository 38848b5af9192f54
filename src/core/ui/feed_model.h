// One feed tab's data: posts loaded so far, the cursor for the next page, and the status of the
// page request. Pure state transitions, unit-tested natively; the screen draws from it and the
// controller feeds it API results.
//
//   FeedModel feed;
//   if (feed.WantsMore(last_visible_row)) { auto cursor = feed.BeginLoad(); fetch(cursor) ... }
//   feed.ApplyPage(cursor, page) / feed.FailLoad(cursor, error)
#pragma once

#include <string>
#include <vector>

#include "model/models.h"
#include "ui/request_status.h"

namespace skyloom::ui {

// Start fetching the next page when the reader is this many rows from the end, so scrolling
// never hits the bottom while a page is in flight.
constexpr int kPrefetchRows = 8;

class FeedModel {
  public:
    [[nodiscard]] const std::vector<Post>& posts() const { return m_posts; }
    [[nodiscard]] const RequestStatus& status() const { return m_status; }
    [[nodiscard]] bool reached_end() const { return m_reached_end; }
    [[nodiscard]] bool loaded_once() const { return m_loaded_once; }

    // True when a page should be requested now: not in flight, not at the end, not failed
    // (failures wait for Retry), and the reader is near the end of what is loaded.
    [[nodiscard]] bool WantsMore(int last_visible_row) const;
    // Marks the page request in flight; returns the cursor to ask for ("" = first page).
    std::string BeginLoad();
    // Applies a page for `cursor`. Pages for a stale cursor (after Reset) are ignored.
    // Posts already present (e.g. prepended after the user posted) are not duplicated.
    void ApplyPage(const std::string& cursor, const PostPage& page);
    void FailLoad(const std::string& cursor, Error error);
    // Clears the failure so WantsMore() asks again.
    void Retry();

    // A post the user just created appears at the top without a reload.
    void Prepend(const Post& post);
    void Remove(const std::string& post_id);
    // Forget everything (sign out, pull to refresh).
    void Reset();

  private:
    [[nodiscard]] bool Contains(const std::string& post_id) const;

    std::vector<Post> m_posts;
    std::string m_next_cursor;
    std::string m_loading_cursor;
    RequestStatus m_status;
    bool m_reached_end = false;
    bool m_loaded_once = false;
    unsigned m_generation = 0;
};

}  // namespace skyloom::ui
