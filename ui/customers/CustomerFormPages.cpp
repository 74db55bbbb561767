#include "ui/customers/CustomerFormPages.h"

#include "ui/customers/AccountsFormPage.h"
#include "ui/customers/ContactFormPage.h"
#include "ui/customers/IdentityFormPage.h"
#include "ui/customers/ProfileFormPage.h"

#include <QAbstractSpinBox>
#include <QComboBox>
#include <QHBoxLayout>
#include <QLineEdit>
#include <QListWidget>
#include <QScrollArea>
#include <QStackedWidget>

namespace bv::ui {

CustomerFormPages::CustomerFormPages(CustomerFormPage::Today today, QWidget* parent)
    : QWidget(parent)
{
    auto* body = new QHBoxLayout(this);
    body->setContentsMargins(0, 0, 0, 0);
    m_pageList = new QListWidget(this);
    m_pageList->setObjectName(QStringLiteral("pagesListWidget"));
    m_pageList->setAccessibleName(tr("Form pages"));
    m_pageList->setContextMenuPolicy(Qt::NoContextMenu);
    m_pageList->setSizePolicy(QSizePolicy::Maximum, QSizePolicy::Preferred);
    m_stack = new QStackedWidget(this);
    m_stack->setObjectName(QStringLiteral("pagesStackedWidget"));
    body->addWidget(m_pageList);
    body->addWidget(m_stack, 1);

    m_identity = new IdentityFormPage(today);
    m_contact = new ContactFormPage(today);
    m_accounts = new AccountsFormPage(today);
    m_profile = new ProfileFormPage(today);
    m_pages = {m_identity, m_contact, m_accounts, m_profile};
    for (CustomerFormPage* page : std::as_const(m_pages)) {
        auto* area = new QScrollArea(m_stack);
        area->setWidgetResizable(true);
        area->setFrameShape(QFrame::NoFrame);
        area->setWidget(page);
        m_stack->addWidget(area);
        m_pageList->addItem(page->title());
    }
    m_pageList->setMaximumWidth(m_pageList->sizeHintForColumn(0) + 4 * m_pageList->frameWidth() + 24);
    connect(m_pageList, &QListWidget::currentRowChanged, m_stack, &QStackedWidget::setCurrentIndex);
    m_pageList->setCurrentRow(0);
    setTabOrder(m_pageList, m_stack);
}

void CustomerFormPages::load(const CustomerView* view)
{
    m_gradeTwoVisible = !view || view->gradeTwoVisible;
    for (CustomerFormPage* page : std::as_const(m_pages))
        page->load(view);
    // grade 2 only where the core sent it
    m_pageList->item(int(m_pages.indexOf(m_profile)))->setHidden(!m_gradeTwoVisible);
}

void CustomerFormPages::reset(const CustomerView* view)
{
    for (CustomerFormPage* page : std::as_const(m_pages)) {
        if (view)
            page->load(view);
        else
            page->clear();
    }
    // QLineEdit::clear() can be undone: Ctrl+Z would bring a typed ID number back. setText() clears the undo history
    // (an edit's fields hold no full grade-1 value, only what was loaded), and the text is kept: the empty form's
    // defaults.
    if (!view)
        for (QLineEdit* edit : findChildren<QLineEdit*>()) {
            // a spin box's or combo box's own line edit shows its value, not something typed
            if (qobject_cast<QAbstractSpinBox*>(edit->parent()) || qobject_cast<QComboBox*>(edit->parent()))
                continue;
            edit->setText(edit->text()); // its default stays
        }
    showPage(m_identity);
}

CustomerInput CustomerFormPages::input() const
{
    CustomerInput input;
    for (CustomerFormPage* page : m_pages) {
        if (page == m_profile && !m_gradeTwoVisible)
            continue;
        page->collect(input);
    }
    return input;
}

void CustomerFormPages::showPage(CustomerFormPage* page)
{
    const int index = int(m_pages.indexOf(page));
    if (index >= 0)
        m_pageList->setCurrentRow(index);
}

void CustomerFormPages::clearMessages()
{
    for (CustomerFormPage* page : std::as_const(m_pages))
        page->clearMessages();
}

bool CustomerFormPages::showFieldError(const Error& error)
{
    for (CustomerFormPage* page : std::as_const(m_pages)) {
        if (!page->owns(error.field))
            continue;
        page->setFieldMessage(error.field, error.message);
        showPage(page);
        if (QWidget* editor = page->editorFor(error.field))
            editor->setFocus(Qt::OtherFocusReason);
        return true;
    }
    return false;
}

QJsonObject CustomerFormPages::state() const
{
    QJsonObject pages;
    for (CustomerFormPage* page : m_pages)
        pages.insert(page->objectName(), page->state());
    return pages;
}

void CustomerFormPages::setState(const QJsonObject& pages)
{
    for (CustomerFormPage* page : std::as_const(m_pages))
        page->setState(pages.value(page->objectName()).toObject());
}

int CustomerFormPages::currentRow() const
{
    return m_pageList->currentRow();
}

bool CustomerFormPages::setCurrentRow(int row)
{
    if (row < 0 || row >= m_pages.size() || m_pageList->item(row)->isHidden())
        return false;
    m_pageList->setCurrentRow(row);
    return true;
}

} // namespace bv::ui
