#pragma once

#include "core/customers/lifecycle/CustomerEntry.h"
#include "ui/server/ServerContext.h"

#include <optional>

class QLabel;
class QPushButton;

namespace bv::ui {

class CustomerFormPages;
class EntryFormPanel;

// The customer manager's new-customer form over the branch server: the same pages and inline checks as local mode
// (CustomerFormPages). Save hands what was typed to ServerCustomers::enter, which validates it, seals the grade-1
// values here and submits the record; it is pending until a branch manager approves it. The core's first error is
// shown under its field; after a save nothing typed stays in the form.
class ServerEntryPage : public ServerPage
{
    Q_OBJECT
public:
    explicit ServerEntryPage(const ServerContext& context, QWidget* parent = nullptr);

    CustomerFormPages* form() const;
    QPushButton* saveButton() const;
    QString message() const;
    const std::optional<EntryReceipt>& lastReceipt() const { return m_receipt; }

public slots:
    bool save();
    void clear();

signals:
    void saved(const QString& customerNo);

private:
    EntryFormPanel* m_panel = nullptr;
    std::optional<EntryReceipt> m_receipt;
};

} // namespace bv::ui
