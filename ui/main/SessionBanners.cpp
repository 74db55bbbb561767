#include "ui/main/SessionBanners.h"

#include "ui/customers/CustomerLabels.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QPushButton>

namespace bv::ui {

namespace {

void styleBanner(QFrame* frame)
{
    frame->setFrameShape(QFrame::StyledPanel);
    frame->setAutoFillBackground(true);
    QPalette palette = frame->palette();
    palette.setColor(QPalette::Window, QColor(0xff, 0xf4, 0xce));
    palette.setColor(QPalette::WindowText, QColor(0x3d, 0x2e, 0x00));
    frame->setPalette(palette);
}

} // namespace

IdleWarningBanner::IdleWarningBanner(QWidget* parent, Ending ending)
    : QFrame(parent)
    , m_ending(ending)
{
    setObjectName(QStringLiteral("idleWarningBanner"));
    styleBanner(this);
    auto* layout = new QHBoxLayout(this);
    m_text = new QLabel(this);
    m_text->setObjectName(QStringLiteral("idleWarningLabel"));
    m_text->setWordWrap(true);
    layout->addWidget(m_text, 1);
    m_stay = new QPushButton(tr("Stay signed in"), this);
    m_stay->setObjectName(QStringLiteral("staySignedInButton"));
    layout->addWidget(m_stay);
    connect(m_stay, &QPushButton::clicked, this, &IdleWarningBanner::stayRequested);
    m_tick.setInterval(1000);
    connect(&m_tick, &QTimer::timeout, this, &IdleWarningBanner::refresh);
    hide();
}

void IdleWarningBanner::start(int seconds)
{
    m_deadline = QDeadlineTimer(qint64(qMax(0, seconds)) * 1000);
    refresh();
    m_tick.start();
    show();
}

void IdleWarningBanner::dismiss()
{
    m_tick.stop();
    hide();
}

int IdleWarningBanner::secondsLeft() const
{
    return int((m_deadline.remainingTime() + 999) / 1000);
}

void IdleWarningBanner::refresh()
{
    const int left = secondsLeft();
    if (m_ending == Ending::SignOut)
        m_text->setText(tr("You will be signed out in %n s because nobody used the window. Press any key or move the "
                           "mouse to stay signed in; a form not yet saved is lost when the session ends.",
            nullptr, left));
    else if (m_ending == Ending::SignOutKeepingEntry)
        m_text->setText(tr("You will be signed out in %n s because nobody used the window. Press any key or move the "
                           "mouse to stay signed in; a new customer being entered is kept as a draft for you, other "
                           "forms not yet saved are lost.",
            nullptr, left));
    else
        m_text->setText(tr("The session locks in %n s because nobody used it. Press any key or move the mouse to "
                           "stay signed in; an unsaved form is kept as a draft for you.",
            nullptr, left));
    if (left <= 0)
        m_tick.stop();
}

DraftOfferBanner::DraftOfferBanner(QWidget* parent)
    : QFrame(parent)
{
    setObjectName(QStringLiteral("draftOfferBanner"));
    styleBanner(this);
    auto* layout = new QHBoxLayout(this);
    m_text = new QLabel(this);
    m_text->setObjectName(QStringLiteral("draftOfferLabel"));
    m_text->setWordWrap(true);
    layout->addWidget(m_text, 1);
    m_restore = new QPushButton(tr("Restore"), this);
    m_restore->setObjectName(QStringLiteral("restoreDraftButton"));
    m_discard = new QPushButton(tr("Discard draft"), this);
    m_discard->setObjectName(QStringLiteral("discardDraftButton"));
    layout->addWidget(m_restore);
    layout->addWidget(m_discard);
    connect(m_restore, &QPushButton::clicked, this, [this] {
        if (m_drafts.isEmpty())
            return;
        const DraftInfo draft = m_drafts.constFirst(); // a copy: handling it may change the list
        emit restoreRequested(draft);
    });
    connect(m_discard, &QPushButton::clicked, this, [this] {
        if (m_drafts.isEmpty())
            return;
        const DraftInfo draft = m_drafts.constFirst();
        emit discardRequested(draft);
    });
    hide();
}

QString DraftOfferBanner::describe(const DraftInfo& draft)
{
    // branch time, as everywhere else on screen: "10:42" today, "2026-12-04 10:42" before
    const QDateTime saved = CustomerLabels::toBranchTime(draft.savedAt);
    const bool today = saved.date() == CustomerLabels::toBranchTime(QDateTime::currentDateTimeUtc()).date();
    const QString at = today ? saved.toString(QStringLiteral("HH:mm")) : CustomerLabels::dateTime(draft.savedAt);
    switch (draft.form) {
    case DraftForm::NewCustomer:
        return tr("You have an unsaved new customer form from %1.").arg(at);
    case DraftForm::EditCustomer:
        return tr("You have an unsaved change of customer %1 from %2.").arg(draft.subject, at);
    case DraftForm::ServiceRecord:
        return tr("You have an unsaved service record for customer %1 from %2.").arg(draft.subject, at);
    case DraftForm::Complaint:
        return tr("You have an unsaved complaint of customer %1 from %2.").arg(draft.subject, at);
    }
    return QString();
}

void DraftOfferBanner::setDrafts(const QList<DraftInfo>& drafts)
{
    m_drafts = drafts;
    showFirst();
}

void DraftOfferBanner::remove(qint64 draftId)
{
    for (qsizetype i = 0; i < m_drafts.size(); ++i) {
        if (m_drafts.at(i).id == draftId) {
            m_drafts.removeAt(i);
            break;
        }
    }
    showFirst();
}

void DraftOfferBanner::showFirst()
{
    if (m_drafts.isEmpty()) {
        m_text->clear();
        hide();
        return;
    }
    QString text = describe(m_drafts.constFirst());
    if (m_drafts.size() > 1)
        text += QLatin1Char(' ') + tr("%n more drafts after this one.", nullptr, int(m_drafts.size() - 1));
    m_text->setText(text);
    show();
    // The banner's buttons carry no mnemonic (the pages below use every letter); the keyboard reaches them because
    // the offer takes the focus: Enter restores, Tab moves to "Discard draft".
    m_restore->setDefault(true);
    m_restore->setFocus(Qt::OtherFocusReason);
}

} // namespace bv::ui
