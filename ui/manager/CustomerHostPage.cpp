#include "ui/manager/CustomerHostPage.h"

#include "ui/customers/CustomerDetailWidget.h"
#include "ui/customers/CustomerFormWidget.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QPushButton>
#include <QVBoxLayout>

namespace bv::ui {

CustomerHostPage::CustomerHostPage(const WorkspaceContext& context, QWidget* parent)
    : ManagerPage(context, parent)
{
    setObjectName(QStringLiteral("customerHostPage"));
    auto* back = new QPushButton(tr("&Back"), this);
    back->setObjectName(QStringLiteral("backButton"));
    back->setShortcut(QKeySequence(Qt::ALT | Qt::Key_Left));
    back->setToolTip(tr("Close the customer and go back (Alt+Left)"));
    m_empty = new QLabel(tr("No customer is open."), this);
    auto* top = new QHBoxLayout;
    top->addWidget(back);
    top->addStretch(1);
    auto* layout = new QVBoxLayout(this);
    layout->addLayout(top);
    layout->addWidget(m_empty, 1);
    connect(back, &QPushButton::clicked, this, &CustomerHostPage::backRequested);
}

void CustomerHostPage::open(const QString& customerNo)
{
    close();
    m_detail = new CustomerDetailWidget(m_context, customerNo, this);
    forwardLock(m_detail);
    connect(m_detail, &CustomerDetailWidget::editRequested, this, &CustomerHostPage::edit);
    place(m_detail);
}

void CustomerHostPage::edit(const QString& customerNo)
{
    close();
    m_form = new CustomerFormWidget(m_context, customerNo, this);
    forwardLock(m_form);
    connect(m_form, &CustomerFormWidget::saved, this, [this](const QString& number) {
        open(number);
        emit changed();
    });
    connect(m_form, &CustomerFormWidget::cancelled, this, [this, customerNo] { open(customerNo); });
    place(m_form);
}

void CustomerHostPage::place(QWidget* widget)
{
    m_empty->hide();
    static_cast<QVBoxLayout*>(layout())->addWidget(widget, 1);
    widget->setFocus();
}

void CustomerHostPage::close()
{
    // Out of the page at once; deleted when control returns to the event loop (close() may run inside
    // one of the widget's own signals, e.g. its Edit or Save button).
    for (QWidget* widget : {static_cast<QWidget*>(m_detail), static_cast<QWidget*>(m_form)}) {
        if (widget) {
            layout()->removeWidget(widget);
            widget->hide();
            widget->setParent(nullptr);
            widget->deleteLater();
        }
    }
    m_detail = nullptr;
    m_form = nullptr;
    m_empty->show();
}

void CustomerHostPage::reload()
{
    if (m_detail)
        m_detail->reload();
}

} // namespace bv::ui
