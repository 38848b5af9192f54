// Controller: the image attached to the composer. A picked/dropped/pasted file is checked,
// processed in the worker (decode, orient, resize to <= 1000 px, re-encode without EXIF),
// previewed, and uploaded at once so Post is instant; every step reports progress and can be
// cancelled, and a failure says why in words.
#include <cstdio>

#include <nlohmann/json.hpp>

#include "image/probe.h"  // core: kMaxFileBytes
#include "state/controller.h"
#include "ui/alt_text.h"   // core
#include "ui/byte_size.h"  // core

namespace skyloom::app {
namespace {

// The processing share of the one progress bar; uploading fills the rest.
constexpr double kProcessingShare = 0.4;

bool LooksLikeImageType(const std::string& mime) {
    return mime.empty() || mime.rfind("image/", 0) == 0;
}

}  // namespace

void Controller::OnDragging(bool dragging) {
    m_state.feed.dragging_file = dragging && m_state.user.has_value();
    platform::RequestFrames();
}

void Controller::OnImageFile(platform::PickedFile file) {
    m_state.feed.dragging_file = false;
    if (!m_state.user) {
        ShowToast("error", "Sign in to post images.");
        return;
    }
    // On the meme editor a file becomes the meme's background.
    const ui::Screen screen = m_state.location.screen;
    if (screen == ui::Screen::kMemeNew || screen == ui::Screen::kMemeRemix) {
        StartMemeBackgroundFile(std::move(file));
        return;
    }
    // Images go into the composer, which is on the feed screens; bring it into view.
    if (screen != ui::Screen::kFeed && screen != ui::Screen::kMe && screen != ui::Screen::kGroup)
        Navigate({ui::Screen::kFeed, {}});
    StartImage(std::move(file));
}

void Controller::StartImage(platform::PickedFile file) {
    DiscardAttachment();  // a new image replaces the old one, cancelling its work
    Attachment& a = m_state.feed.composer.attachment;
    a.token = m_next_attachment++;
    a.file_name = file.name;
    a.original_bytes = file.size;
    if (file.size > image::kMaxFileBytes) {
        FailImage("This file is " + ui::FormatByteSize(file.size) + "; images can be at most " +
                  ui::FormatByteSize(image::kMaxFileBytes) + ".");
        return;
    }
    if (!LooksLikeImageType(file.mime)) {
        FailImage("That file is not an image (" + file.mime + "). Choose a JPEG, PNG, GIF or BMP.");
        return;
    }
    if (file.bytes.empty()) {
        FailImage(file.size == 0 ? "That file is empty." : "The file could not be read.");
        return;
    }
    a.phase = Attachment::Phase::kProcessing;
    a.stage = "Processing";
    a.progress = 0;
    const uint64_t token = a.token;
    a.job = platform::ProcessImage(
        std::move(file.bytes), image::ProcessOptions{},
        [this, token](platform::ImageJobProgress p) {
            Attachment& current = m_state.feed.composer.attachment;
            if (current.token != token) return;
            current.progress = p.fraction * kProcessingShare;
            current.stage = p.stage;
            platform::RequestFrames();
        },
        [this, token](Result<image::ProcessedImage> result) {
            Attachment& current = m_state.feed.composer.attachment;
            if (current.token != token) return;
            current.job = 0;
            if (!result) {
                FailImage(result.error().message);
                return;
            }
            current.clean = result.value();  // kept for the label overlay's on/off
            UploadImage(token, std::move(result.value()));
        });
    platform::RequestFrames();
}

void Controller::UploadImage(uint64_t token, image::ProcessedImage processed) {
    Attachment& a = m_state.feed.composer.attachment;
    a.phase = Attachment::Phase::kUploading;
    a.stage = "Uploading";
    a.progress = kProcessingShare;
    a.processed_bytes = processed.bytes.size();
    a.width = processed.width;
    a.height = processed.height;
    platform::LoadTextureFromBytes(
        processed.bytes, processed.mime, [this, token](Result<platform::Texture> texture) {
            Attachment& current = m_state.feed.composer.attachment;
            if (!texture) return;  // the preview is a nicety; the upload carries on
            if (current.token != token) {
                platform::DeleteTexture(texture.value().handle);
                return;
            }
            if (current.preview_texture != 0) platform::DeleteTexture(current.preview_texture);
            current.preview_texture = texture.value().handle;
            platform::RequestFrames();
        });
    // A re-upload (the label overlay toggled) keeps the clean image's labels.
    if (a.local_labels.empty())
        a.label_job = platform::ClassifyImage(
            processed.bytes, [this, token](Result<platform::ImageLabels> labels) {
                Attachment& current = m_state.feed.composer.attachment;
                if (current.token != token) return;
                current.label_job = 0;
                if (!labels) {
                    current.labels_error = labels.error().message;  // the upload carries on
                } else {
                    current.local_labels = std::move(labels.value().labels);
                    current.labels_ms = labels.value().ms;
                    if (!current.alt_edited)
                        current.alt_text = ui::DraftAltText(current.local_labels);
                }
                platform::RequestFrames();
            });
    a.upload_abort = std::make_shared<AbortSignal>();
    ApiClient::UploadOptions options;
    options.abort = a.upload_abort;
    options.progress = [this, token](uint64_t sent, uint64_t total) {
        Attachment& current = m_state.feed.composer.attachment;
        if (current.token != token || total == 0) return;
        current.progress = kProcessingShare + (1.0 - kProcessingShare) * static_cast<double>(sent) /
                                                  static_cast<double>(total);
        platform::RequestFrames();
    };
    m_state.requests_in_flight++;
    m_client.UploadMedia(std::move(processed.bytes), processed.mime, std::move(options),
                         [this, token](Result<Media> result) {
                             m_state.requests_in_flight--;
                             Attachment& current = m_state.feed.composer.attachment;
                             if (current.token != token) return;  // cancelled or replaced
                             current.upload_abort.reset();
                             if (!result) {
                                 if (HandleSessionLost(result.error())) return;
                                 FailImage(HumanMessage(result.error()));
                                 return;
                             }
                             current.phase = Attachment::Phase::kReady;
                             current.progress = 1.0;
                             current.media = result.value();
                             platform::RequestFrames();
                         });
}

void Controller::ToggleLabelOverlay() {
    Attachment& a = m_state.feed.composer.attachment;
    if (!a.clean || a.local_labels.empty() || a.phase == Attachment::Phase::kProcessing) return;
    if (a.upload_abort) a.upload_abort->Abort();  // the upload of the other version
    a.upload_abort.reset();
    if (a.job != 0) platform::CancelImageJob(a.job);
    a.job = 0;
    a.media.reset();
    a.overlay = !a.overlay;
    a.token = m_next_attachment++;  // late answers for the other version are ignored
    const uint64_t token = a.token;
    if (!a.overlay) {
        UploadImage(token, *a.clean);
        return;
    }
    // Udagram's overlay: one "Label - 92.1%" line per label, white with a black outline, in a
    // box along the bottom left, drawn by the worker with core's caption primitive.
    MemeBox box;
    for (const MediaLabel& l : a.local_labels) {
        char line[96];
        std::snprintf(line, sizeof line, "%s%s - %.1f%%", box.text.empty() ? "" : "\n",
                      l.label.c_str(), l.probability * 100.0);
        box.text += line;
    }
    box.x = 0.03;
    box.y = 0.62;
    box.w = 0.55;
    box.h = 0.35;
    box.font = MemeFont::kInter;
    box.align = MemeAlign::kLeft;
    box.all_caps = false;
    platform::MemeJob job;
    job.bytes = a.clean->bytes;
    job.boxes_json = nlohmann::json::array({ToJson(box)}).dump();
    a.phase = Attachment::Phase::kProcessing;
    a.stage = "Drawing labels";
    a.progress = 0;
    a.job = platform::ProcessMeme(
        std::move(job),
        [this, token](platform::ImageJobProgress p) {
            Attachment& current = m_state.feed.composer.attachment;
            if (current.token != token) return;
            current.progress = p.fraction * kProcessingShare;
            platform::RequestFrames();
        },
        [this, token](Result<image::ProcessedImage> result) {
            Attachment& current = m_state.feed.composer.attachment;
            if (current.token != token) return;
            current.job = 0;
            if (!result) {
                FailImage(result.error().message);
                return;
            }
            UploadImage(token, std::move(result.value()));
        });
    platform::RequestFrames();
}

void Controller::FailImage(std::string message) {
    Attachment& a = m_state.feed.composer.attachment;
    a.phase = Attachment::Phase::kFailed;
    a.error = std::move(message);
    a.job = 0;
    a.upload_abort.reset();
    platform::RequestFrames();
}

void Controller::DiscardAttachment() {
    Attachment& a = m_state.feed.composer.attachment;
    if (a.job != 0) platform::CancelImageJob(a.job);
    if (a.label_job != 0) platform::CancelImageJob(a.label_job);
    if (a.upload_abort) a.upload_abort->Abort();
    if (a.preview_texture != 0) platform::DeleteTexture(a.preview_texture);
    a = Attachment{};
    platform::RequestFrames();
}

}  // namespace skyloom::app
