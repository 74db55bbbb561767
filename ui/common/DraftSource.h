#pragma once

#include "core/drafts/DraftService.h"

#include <QString>

namespace bv::ui {

// A form whose half-typed content is kept as a draft (core/drafts) when the session locks or signs out, and
// filled in again when its author restores the draft (ui/app/DraftKeeper finds every DraftSource in the
// workspace). The content is the form's own text (JSON); it is sealed by the core and never shown elsewhere.
class DraftSource
{
public:
    virtual ~DraftSource() = default;
    virtual DraftForm draftForm() const = 0;
    // The customer number the form is about (empty for a new customer).
    virtual QString draftSubject() const = 0;
    // Empty when nothing was typed since the form was loaded (nothing to keep).
    virtual QString draftContent() const = 0;
    // Fills the form from a draft's content; false when the content does not fit this form.
    virtual bool restoreDraft(const QString& content) = 0;
};

} // namespace bv::ui
