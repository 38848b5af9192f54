// Demo meme templates for `make run` (--demo): six pictures drawn in code (1000 px wide;
// sources and licence in assets/README.md), uploaded through MediaService and published
// through TemplateService with a box layout that suits each picture. Nothing is downloaded.
#pragma once

#include "services/auth_service.h"
#include "services/media_service.h"
#include "services/social_service.h"
#include "services/template_service.h"

namespace skyloom::server {

// Publishes the demo templates as the (verified) user `owner` when there are no templates yet;
// returns how many.
int SeedDemoTemplates(TemplateService& templates, MediaService& media, SocialService& social,
                      const std::string& owner);

}  // namespace skyloom::server
