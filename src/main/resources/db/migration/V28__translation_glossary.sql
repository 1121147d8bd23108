-- The wallet glossary: for each concept, the term each language must use, and the variants a translator may
-- produce instead (replaced by the term). Editable by admins.
CREATE TABLE translation_glossary
(
    concept  VARCHAR(40) NOT NULL,
    language VARCHAR(10) NOT NULL,
    term     VARCHAR(80) NOT NULL,
    variants TEXT[]      NOT NULL DEFAULT '{}',
    PRIMARY KEY (concept, language)
);
INSERT INTO translation_glossary (concept, language, term, variants) VALUES
    ('withdrawal', 'zh-CN', '提现', '{取现,提款}'),
    ('withdrawal', 'en', 'withdrawal', '{cash-out,cash out,payout}'),
    ('withdrawal', 'fr', 'retrait', '{décaissement}'),
    ('withdrawal', 'de', 'Auszahlung', '{Abhebung,Entnahme}'),
    ('top_up', 'zh-CN', '充值', '{储值}'),
    ('top_up', 'en', 'top-up', '{recharge,reload}'),
    ('top_up', 'fr', 'recharge', '{rechargement,alimentation}'),
    ('top_up', 'de', 'Aufladung', '{Nachladung}'),
    ('payment_password', 'zh-CN', '支付密码', '{付款密码}'),
    ('payment_password', 'en', 'payment password', '{payment PIN,payment code}'),
    ('payment_password', 'fr', 'mot de passe de paiement', '{code de paiement,code PIN de paiement}'),
    ('payment_password', 'de', 'Zahlungspasswort', '{Zahlungs-PIN,Zahlungskennwort}'),
    ('transfer', 'zh-CN', '转账', '{汇款}'),
    ('transfer', 'en', 'transfer', '{remittance}'),
    ('transfer', 'fr', 'virement', '{transfert}'),
    ('transfer', 'de', 'Überweisung', '{Transfer}'),
    ('wallet', 'zh-CN', '钱包', '{}'),
    ('wallet', 'en', 'wallet', '{}'),
    ('wallet', 'fr', 'portefeuille', '{porte-monnaie}'),
    ('wallet', 'de', 'Wallet', '{Geldbörse,Brieftasche}');
