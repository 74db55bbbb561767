#include "core/policy/FieldCatalogue.h"

#include <QLocale>

namespace bv {

namespace {
using G = FieldGroup;
using K = FieldKind;
using O = FieldOwner;
using M = MaskKind;
using B = BlindDomain;
} // namespace

const QList<FieldSpec>& FieldCatalogue::all()
{
    // key, English, 中文, grade, group, kind, owner, masked, mask, blind index, required
    // (the labels of both languages live here, not in the .ts file: the catalogue is their one source)
    static const QList<FieldSpec> list = {
        // grade 1: identifies the person — sealed, masked, full value only through a live grant
        {fields::Name, "Name", "姓名", 1, G::Identity, K::Text, O::Customer, true, M::Name, B::Name, true},
        {fields::IdType, "ID type", "证件类型", 1, G::Identity, K::Choice, O::Customer, false, M::OtherId, B::None,
            true},
        {fields::IdNumber, "ID number", "证件号码", 1, G::Identity, K::Text, O::Customer, true, M::MainlandId,
            B::IdNumber, true},
        {fields::BirthDate, "Birth date", "出生日期", 1, G::Identity, K::Date, O::Customer, true, M::BirthDate, B::None,
            false},
        {fields::Mobile, "Mobile", "手机号码", 1, G::Contact, K::Text, O::Customer, true, M::Phone, B::Phone, false},
        {fields::OtherPhone, "Other phone", "其他电话", 1, G::Contact, K::Text, O::Customer, true, M::Phone, B::Phone,
            false},
        {fields::Email, "E-mail", "电子邮箱", 1, G::Contact, K::Text, O::Customer, true, M::Email, B::Email, false},
        {fields::Address, "Address", "联系地址", 1, G::Contact, K::Text, O::Customer, true, M::Address, B::None, false},
        {fields::AccountNumber, "Account / card number", "账号/卡号", 1, G::Account, K::Text, O::Account, true,
            M::Account, B::Account, false},
        // grade 3 parts of an account
        {fields::AccountType, "Account type", "账户类型", 3, G::Account, K::Choice, O::Account, false, M::Name, B::None,
            false},
        {fields::AccountOpenedOn, "Opened on", "开户日期", 3, G::Account, K::Date, O::Account, false, M::Name, B::None,
            false},
        {fields::AccountStatus, "Account status", "账户状态", 3, G::Account, K::Choice, O::Account, false, M::Name,
            B::None, false},
        // grade 2: private but not identifying — own manager and branch manager only
        {fields::Occupation, "Occupation", "职业", 2, G::Profile, K::Text, O::Customer, false, M::Name, B::None, false},
        {fields::Employer, "Employer", "工作单位", 2, G::Profile, K::Text, O::Customer, false, M::Name, B::None, false},
        {fields::IncomeBand, "Income band", "收入区间", 2, G::Profile, K::Choice, O::Customer, false, M::Name, B::None,
            false},
        {fields::MaritalStatus, "Marital status", "婚姻状况", 2, G::Profile, K::Choice, O::Customer, false, M::Name,
            B::None, false},
        {fields::Family, "Family situation", "家庭情况", 2, G::Profile, K::Text, O::Customer, false, M::Name, B::None,
            false},
        {fields::RiskRating, "Risk tolerance", "风险承受能力", 2, G::Profile, K::Choice, O::Customer, false, M::Name,
            B::None, false},
        {fields::AssetsUnderManagement, "Assets under management (CNY)", "金融资产（元）", 2, G::Profile, K::Amount,
            O::Customer, false, M::Name, B::None, false},
        {fields::ProductHoldings, "Product holdings", "持有产品", 2, G::Profile, K::Text, O::Customer, false, M::Name,
            B::None, false},
        // grade 3: general — lists and aggregates allowed
        {fields::CustomerNo, "Customer number", "客户号", 3, G::General, K::Text, O::Customer, false, M::Name, B::None,
            false},
        {fields::Sex, "Sex", "性别", 3, G::Identity, K::Choice, O::Customer, false, M::Name, B::None, true},
        {fields::Nationality, "Nationality", "国籍", 3, G::Identity, K::Text, O::Customer, false, M::Name, B::None,
            false},
        {fields::AgeBand, "Age band", "年龄段", 3, G::General, K::Choice, O::Customer, false, M::Name, B::None, false},
        {fields::Tier, "Tier", "客户等级", 3, G::General, K::Choice, O::Customer, false, M::Name, B::None, false},
        {fields::Branch, "Branch", "所属网点", 3, G::General, K::Text, O::Customer, false, M::Name, B::None, false},
        {fields::Manager, "Customer manager", "客户经理", 3, G::General, K::Text, O::Customer, false, M::Name, B::None,
            false},
        {fields::Status, "Status", "状态", 3, G::General, K::Choice, O::Customer, false, M::Name, B::None, false},
        {fields::Restricted, "Restricted (重点保密)", "重点保密", 3, G::General, K::Flag, O::Customer, false, M::Name,
            B::None, false},
        {fields::CreatedAt, "Created", "创建时间", 3, G::General, K::Date, O::Customer, false, M::Name, B::None, false},
        {fields::UpdatedAt, "Updated", "更新时间", 3, G::General, K::Date, O::Customer, false, M::Name, B::None, false},
    };
    return list;
}

const FieldSpec* FieldCatalogue::find(const QString& key)
{
    for (const FieldSpec& f : all()) {
        if (key == QLatin1String(f.key))
            return &f;
    }
    return nullptr;
}

QList<const FieldSpec*> FieldCatalogue::ofGrade(int grade)
{
    QList<const FieldSpec*> out;
    for (const FieldSpec& f : all()) {
        if (f.grade == grade)
            out << &f;
    }
    return out;
}

QList<const FieldSpec*> FieldCatalogue::ofGroup(FieldGroup group)
{
    QList<const FieldSpec*> out;
    for (const FieldSpec& f : all()) {
        if (f.group == group)
            out << &f;
    }
    return out;
}

QStringList FieldCatalogue::keys(int grade)
{
    QStringList out;
    for (const FieldSpec& f : all()) {
        if (grade == 0 || f.grade == grade)
            out << QString::fromLatin1(f.key);
    }
    return out;
}

QString FieldCatalogue::label(const FieldSpec& field)
{
    if (QLocale().language() == QLocale::Chinese)
        return QString::fromUtf8(field.chinese);
    return QString::fromUtf8(field.english);
}

QString FieldCatalogue::label(const QString& key)
{
    const FieldSpec* f = find(key);
    return f ? label(*f) : key;
}

bool FieldCatalogue::isGradeOne(const QString& key)
{
    const FieldSpec* f = find(key);
    return f && f->grade == 1;
}

} // namespace bv
