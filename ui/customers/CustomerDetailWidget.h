#pragma once

#include "core/customers/CustomerRecord.h"
#include "core/drafts/DraftService.h"
#include "ui/customers/ContextWidget.h"

#include <QDateTime>
#include <QHash>

#include <optional>

class QLabel;
class QPushButton;
class QTabWidget;
class QTimer;

namespace bv::ui {

class DraftSource;
class ProtectedLabel;

// One customer as the signed-in role may see it (CustomerFinder::open), in tabs: General (grade 3),
// Identity & contact (grade 1, masked, in ProtectedLabels), Profile (grade 2, only where the core sent it),
// Accounts (masked numbers), Service records, Complaints, Consent and History.
//
// Full values: "Request full view" files a reveal request (RequestDialog); once a branch manager approved
// it, "Show full values" asks the core for them (CustomerFinder::reveal, audited) and shows them in the
// ProtectedLabels with a countdown; after the display time (setting reveal.display_seconds, 60 s by default)
// or at the end of the approval, whichever comes first — or on "Hide", or when the approval was revoked — the
// labels show the masked values again. While the approval lasts, "Show again" asks the core anew (a reveal
// like the first, audited). Nothing else keeps the full values.
//
// The same widget serves every role that opens a customer (the customer manager's tabs, the branch manager's
// customer page): which actions it offers (edit, request, show full values, record service, complaints,
// consent) is the core's answer for this session and customer (CustomerView::actions), never a role check here.
//
// When the core refuses the customer (not the user's customer, restricted, …) the widget shows the refusal
// and no data. A locked session is reported through lockRequested(), like Workspace::fail.
class CustomerDetailWidget : public ContextWidget
{
    Q_OBJECT
public:
    CustomerDetailWidget(const WorkspaceContext& context, const QString& customerNo, QWidget* parent = nullptr);
    ~CustomerDetailWidget() override;

    QString customerNumber() const { return m_number; }
    // True when the core returned the customer; false after a refusal or an error (see refusal()).
    bool isLoaded() const { return m_view.has_value(); }
    QString refusal() const { return m_refusal; }
    // The grade-1 fields this customer has that a reveal request may name.
    QStringList revealableFields() const;
    // Fields with a live approval for this customer, and until when.
    QHash<QString, QDateTime> liveGrants() const { return m_grants; }
    // Label keys ("mobile", "account_number:<id>") now showing a full value.
    QStringList shownFields() const { return m_shown.keys(); }
    QTimer* countdownTimer() const { return m_countdown; }
    // When the values now shown are masked again (the display time or the end of the approval); invalid when
    // none is shown.
    QDateTime hiddenAt() const;
    QTabWidget* tabs() const { return m_tabs; }
    // Shows the tab of the service-record or complaint form and returns it (for a draft of it); nullptr when the
    // customer did not load or has no such form.
    DraftSource* showDraftForm(DraftForm form);

public slots:
    void reload();
    // Re-reads the requests for this customer: enables "Show full values" for live approvals, hides values
    // whose approval was revoked.
    void refreshGrants();
    bool requestFullView();
    bool showFullValues();
    void hideFullValues();
    // One second of the countdown: hides values whose approval has ended (by the core's clock).
    void tickCountdown();

signals:
    void editRequested(const QString& customerNo);

private:
    void clearTabs();
    void showRefusal(const Error& error);
    QWidget* buildGeneral(const CustomerView& view);
    QWidget* buildIdentity(const CustomerView& view);
    QWidget* buildProfile(const CustomerView& view);
    QWidget* buildAccounts(const CustomerView& view);
    ProtectedLabel* protectedValue(
        QWidget* parent, const QString& key, const QString& masked, const QString& objectName);
    void restore(const QString& key);
    void updateRevealControls();
    void updateCountdown();

    QString m_number;
    std::optional<CustomerView> m_view; // as the core returned it: grade 1 masked
    QString m_refusal;
    QLabel* m_title = nullptr;
    ProtectedLabel* m_headerName = nullptr;
    QLabel* m_notice = nullptr;
    QLabel* m_message = nullptr;
    QPushButton* m_edit = nullptr;
    QPushButton* m_refresh = nullptr;
    QTabWidget* m_tabs = nullptr;

    // reveal
    QPushButton* m_request = nullptr;
    QPushButton* m_show = nullptr;
    QPushButton* m_hide = nullptr;
    QLabel* m_grantStatus = nullptr;
    QLabel* m_countdownLabel = nullptr;
    QTimer* m_countdown = nullptr;
    int m_ticks = 0;
    QHash<QString, ProtectedLabel*> m_protected; // label key → label
    QHash<QString, QString> m_masked; // label key → masked text (restored at the end)
    QHash<QString, QDateTime> m_grants; // field → end of the live approval (UTC)
    QStringList m_pendingFields; // fields asked for, not decided yet
    QHash<QString, QDateTime> m_shown; // label key → end of the approval it is shown under
    QDateTime m_displayUntil; // end of the display time of the last "Show" (UTC, core clock)
    bool m_shownBefore = false; // the button then says "Show again"
};

} // namespace bv::ui
