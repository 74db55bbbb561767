#pragma once

#include <QDateTime>
#include <QDialog>
#include <QHash>

class QLabel;
class QTimer;

namespace bv::ui {

class ProtectedLabel;

// The full values a reveal returned, shown for a limited time (kShowSeconds, or until the approval ends if sooner)
// in labels that cannot be selected, copied or dragged; then the dialog closes and the texts are wiped. Closing it
// earlier wipes them too.
class RevealDialog : public QDialog
{
    Q_OBJECT
public:
    // `values`: field → value, an account number as "account_number:<account id>".
    RevealDialog(const QString& customerNo, const QHash<QString, QString>& values, const QDateTime& validUntil,
        QWidget* parent = nullptr);
    ~RevealDialog() override;

    static constexpr int kShowSeconds = 60;
    // The shown values, label → text (empty once wiped).
    QHash<QString, QString> shown() const;
    int secondsLeft() const { return m_left; }
    QTimer* timer() const { return m_timer; }
    void done(int result) override;

private:
    void tick();
    void wipeLabels();
    QHash<QString, ProtectedLabel*> m_labels;
    QLabel* m_countdown = nullptr;
    QTimer* m_timer = nullptr;
    int m_left = kShowSeconds;
};

} // namespace bv::ui
