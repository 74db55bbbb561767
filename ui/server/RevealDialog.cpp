#include "ui/server/RevealDialog.h"

#include "core/common/SecureBytes.h"
#include "core/policy/FieldCatalogue.h"
#include "ui/common/ProtectedLabel.h"
#include "ui/customers/CustomerLabels.h"

#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QPushButton>
#include <QTimer>
#include <QVBoxLayout>

#include <algorithm>

namespace bv::ui {

RevealDialog::RevealDialog(
    const QString& customerNo, const QHash<QString, QString>& values, const QDateTime& validUntil, QWidget* parent)
    : QDialog(parent)
{
    setWindowTitle(tr("Customer %1 in full").arg(customerNo));
    setObjectName(QStringLiteral("revealDialog"));
    auto* layout = new QVBoxLayout(this);
    auto* note = new QLabel(tr("These values are shown under an approved request and recorded in the audit log. They "
                               "cannot be copied; do not write them down."),
        this);
    note->setWordWrap(true);
    layout->addWidget(note);
    auto* form = new QFormLayout;
    QStringList keys = values.keys();
    std::sort(keys.begin(), keys.end());
    for (const QString& key : std::as_const(keys)) {
        const QString field = key.section(QLatin1Char(':'), 0, 0);
        const QString account = key.section(QLatin1Char(':'), 1);
        const QString label = account.isEmpty() ? FieldCatalogue::label(field)
                                                : tr("%1 (account %2)").arg(FieldCatalogue::label(field), account);
        auto* value = new ProtectedLabel(values.value(key), this);
        value->setObjectName(key + QStringLiteral("ProtectedLabel"));
        form->addRow(label + QLatin1Char(':'), value);
        m_labels.insert(key, value);
    }
    layout->addLayout(form);
    if (validUntil.isValid())
        m_left = int(qBound(qint64(0), QDateTime::currentDateTimeUtc().secsTo(validUntil), qint64(kShowSeconds)));
    m_countdown = new QLabel(this);
    m_countdown->setObjectName(QStringLiteral("countdownLabel"));
    layout->addWidget(m_countdown);
    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    layout->addWidget(buttons);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    m_timer = new QTimer(this);
    m_timer->setInterval(1000);
    connect(m_timer, &QTimer::timeout, this, &RevealDialog::tick);
    m_timer->start();
    m_countdown->setText(tr("Hidden again in %1.").arg(CustomerLabels::remaining(m_left)));
}

RevealDialog::~RevealDialog()
{
    wipeLabels();
}

QHash<QString, QString> RevealDialog::shown() const
{
    QHash<QString, QString> out;
    for (auto it = m_labels.cbegin(); it != m_labels.cend(); ++it)
        if (!it.value()->text().isEmpty())
            out.insert(it.key(), it.value()->text());
    return out;
}

void RevealDialog::tick()
{
    m_left = std::max(0, m_left - 1);
    m_countdown->setText(tr("Hidden again in %1.").arg(CustomerLabels::remaining(m_left)));
    if (m_left == 0)
        reject();
}

void RevealDialog::done(int result)
{
    m_timer->stop();
    wipeLabels();
    QDialog::done(result);
}

void RevealDialog::wipeLabels()
{
    for (ProtectedLabel* label : std::as_const(m_labels)) {
        QString text = label->text();
        label->clear();
        wipe(text);
    }
}

} // namespace bv::ui
