#pragma once

#include "core/keys/BlindDomain.h"
#include "core/policy/Masking.h"

#include <QCoreApplication>
#include <QList>
#include <QString>

namespace bv {

enum class FieldGroup
{
    Identity,
    Contact,
    Account,
    Profile,
    General
};
enum class FieldKind
{
    Text,
    Date,
    Amount,
    Choice,
    Flag,
    Number
};
enum class FieldOwner
{
    Customer,
    Account
};

// One customer field. Grade 1 fields are stored sealed (field-level encryption) with a masked copy
// and, where `blind` is set, a blind index; grade 2 and 3 fields are ordinary columns.
struct FieldSpec
{
    const char* key;
    const char* english;
    const char* chinese;
    int grade; // 1, 2 or 3 (DESIGN §4)
    FieldGroup group;
    FieldKind kind;
    FieldOwner owner;
    bool masked; // grade 1: shown masked by default
    MaskKind mask; // grade 1 only; id_number picks MainlandId or OtherId by the ID type
    BlindDomain blind; // exact lookup / duplicate detection
    bool required; // at entry (mobile/address: one of the two, checked by the validator)
};

// The single source of truth for customer fields (DESIGN §4): storage, masking, views, requests,
// exports and reports read it. Adding a field is one line in FieldCatalogue.cpp.
class FieldCatalogue
{
    Q_DECLARE_TR_FUNCTIONS(FieldCatalogue)
public:
    static const QList<FieldSpec>& all();
    static const FieldSpec* find(const QString& key);
    static QList<const FieldSpec*> ofGrade(int grade);
    static QList<const FieldSpec*> ofGroup(FieldGroup group);
    static QStringList keys(int grade = 0);
    // The label in the current UI language (zh_CN → the Chinese label).
    static QString label(const FieldSpec& field);
    static QString label(const QString& key);
    static bool isGradeOne(const QString& key);
};

namespace fields {
inline constexpr char Name[] = "name";
inline constexpr char IdType[] = "id_type";
inline constexpr char IdNumber[] = "id_number";
inline constexpr char BirthDate[] = "birth_date";
inline constexpr char Sex[] = "sex";
inline constexpr char Nationality[] = "nationality";
inline constexpr char Mobile[] = "mobile";
inline constexpr char OtherPhone[] = "other_phone";
inline constexpr char Email[] = "email";
inline constexpr char Address[] = "address";
inline constexpr char AccountNumber[] = "account_number";
inline constexpr char AccountType[] = "account_type";
inline constexpr char AccountOpenedOn[] = "account_opened_on";
inline constexpr char AccountStatus[] = "account_status";
inline constexpr char Occupation[] = "occupation";
inline constexpr char Employer[] = "employer";
inline constexpr char IncomeBand[] = "income_band";
inline constexpr char MaritalStatus[] = "marital_status";
inline constexpr char Family[] = "family";
inline constexpr char RiskRating[] = "risk_rating";
inline constexpr char AssetsUnderManagement[] = "aum_cny";
inline constexpr char ProductHoldings[] = "product_holdings";
inline constexpr char CustomerNo[] = "customer_no";
inline constexpr char Tier[] = "tier";
inline constexpr char Branch[] = "branch";
inline constexpr char Manager[] = "manager";
inline constexpr char Status[] = "status";
inline constexpr char Restricted[] = "restricted";
inline constexpr char AgeBand[] = "age_band";
inline constexpr char CreatedAt[] = "created_at";
inline constexpr char UpdatedAt[] = "updated_at";
} // namespace fields

} // namespace bv
