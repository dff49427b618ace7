"""The body of the demo's parenting booklet in each language other than Finnish (the Finnish
files continue with the network's own texts), so that a Swedish, English, Somali, Arabic,
Russian or Ukrainian file reads like a booklet, not one sentence repeated. Written from the
Väestöliitto passage of the source texts; ``## `` starts a heading."""

BOOKLET_BODY = {
    "sv": [
        "## Att vara förälder i ett nytt land",
        "Väestöliitto har sedan 2003 stött familjer som flyttat till Finland. Vi ger råd om "
        "familjeliv och föräldraskap och tar fram häften på många språk.",
        "En flytt förändrar ofta familjemedlemmarnas roller. Tala tillsammans om vad som "
        "förändras och vad ni vill behålla från ert tidigare liv.",
        "## Daghem och skola",
        "Daghemmet och skolan i Finland erbjuder stöd som kan vara nytt för dig: "
        "specialundervisning, stödundervisning, skolkurator och skolhälsovårdare. Fråga "
        "läraren om du är osäker på vad ett ord betyder.",
        "Båda föräldrarna har samma rättigheter och skyldigheter mot sitt barn. Barnet har "
        "rätt att vara tryggt och att bli hört.",
        "## Var får jag hjälp?",
        "Rådgivningen följer barnets hälsa och växande och är avgiftsfri. Du kan be om tolk "
        "när du bokar tid.",
        "Många organisationer ordnar mammagrupper med barnpassning. Där träffar du andra "
        "föräldrar och kan tala om vardagen med barn.",
    ],
    "en": [
        "## Being a parent in a new country",
        "Väestöliitto has supported families who moved to Finland since 2003. We give advice "
        "on family life and parenthood and publish booklets in many languages.",
        "Moving often changes the roles of family members. Talk together about what changes "
        "and what you want to keep from your earlier life.",
        "## Day care and school",
        "Day care and school in Finland offer support that may be new to you: special needs "
        "teaching, remedial teaching, a school social worker and a school nurse. Ask the "
        "teacher if you are unsure what a word means.",
        "Both parents have the same rights and duties towards their child. A child has the "
        "right to be safe and to be heard.",
        "## Where can I get help?",
        "The child health clinic follows your child's health and growth, free of charge. You "
        "can ask for an interpreter when you book an appointment.",
        "Many organisations run mothers' groups with childcare. There you meet other parents "
        "and can talk about everyday life with children.",
    ],
    "so": [
        "## Waalidnimada waddan cusub",
        "Väestöliitto waxay tan iyo 2003 taageertaa qoysaska u soo guuray Finland. Waxaan "
        "talo ka bixinnaa nolosha qoyska iyo waalidnimada, waxaanna diyaarinnaa buugaag "
        "luqado badan ku qoran.",
        "U guuritaanku wuxuu inta badan beddelaa doorka xubnaha qoyska. Ka wada hadla waxa "
        "isbeddelaya iyo waxa aad rabtaan inaad ka sii haysataan noloshiinnii hore.",
        "## Xannaanada iyo dugsiga",
        "Xannaanada iyo dugsiga Finland waxay bixiyaan taageero laga yaabo inay kuu cusub "
        "tahay: waxbarasho gaar ah, casharro dheeraad ah, shaqaale bulsho iyo kalkaaliso "
        "dugsiga. Weydii macallinka haddii aadan hubin waxa eray macnihiisu yahay.",
        "Labada waalid waxay leeyihiin xuquuq iyo waajibaad isku mid ah oo ilmahooda ah. "
        "Ilmuhu wuxuu xaq u leeyahay inuu nabad ku jiro oo la dhageysto.",
        "## Xaggee baan caawimaad ka helayaa?",
        "Xarunta caafimaadka carruurta (neuvola) waxay lacag la'aan ula socotaa caafimaadka "
        "iyo koritaanka ilmahaaga. Waxaad codsan kartaa turjubaan marka aad ballan qabsanayso.",
        "Ururro badan waxay qabtaan kooxo hooyooyin oo leh xannaano carruur. Halkaas waxaad "
        "kula kulantaa waalidiin kale, waxaadna ka hadli kartaan nolosha maalinlaha ah.",
    ],
    "ar": [
        "## أن تكون والدًا في بلد جديد",
        "تدعم رابطة الأسرة الفنلندية (Väestöliitto) منذ عام 2003 الأسر التي انتقلت إلى فنلندا. "
        "نقدّم المشورة في الحياة الأسرية والوالدية، ونصدر كتيبات بلغات كثيرة.",
        "كثيرًا ما يغيّر الانتقال أدوار أفراد الأسرة. تحدّثوا معًا عمّا يتغيّر وعمّا تريدون "
        "الحفاظ عليه من حياتكم السابقة.",
        "## الروضة والمدرسة",
        "تقدّم الروضة والمدرسة في فنلندا أشكالًا من الدعم قد تكون جديدة عليك: التعليم الخاص، "
        "ودروس التقوية، والأخصائي الاجتماعي في المدرسة، وممرضة المدرسة. اسأل المعلّم إن لم "
        "تكن متأكدًا من معنى كلمة ما.",
        "للوالدين كليهما الحقوق والواجبات نفسها تجاه طفلهما. ومن حق الطفل أن يكون آمنًا وأن "
        "يُستمع إليه.",
        "## أين أجد المساعدة؟",
        "تتابع عيادة رعاية الطفل (neuvola) صحة طفلك ونموّه مجانًا. يمكنك طلب مترجم عند حجز الموعد.",
        "تنظّم منظمات كثيرة مجموعات للأمهات مع رعاية للأطفال، تلتقين فيها بأمهات أخريات "
        "وتتحدثن عن الحياة اليومية مع الأطفال.",
    ],
    "ru": [
        "## Быть родителем в новой стране",
        "С 2003 года Väestöliitto поддерживает семьи, переехавшие в Финляндию. Мы консультируем "
        "по вопросам семейной жизни и воспитания и выпускаем брошюры на многих языках.",
        "Переезд часто меняет роли членов семьи. Поговорите вместе о том, что меняется и что "
        "вы хотите сохранить из прежней жизни.",
        "## Детский сад и школа",
        "Детский сад и школа в Финляндии предлагают формы поддержки, которые могут быть вам "
        "незнакомы: специальное обучение, дополнительные занятия, школьный социальный "
        "работник и школьная медсестра. Спросите учителя, если не уверены, что означает слово.",
        "У обоих родителей одинаковые права и обязанности по отношению к ребёнку. Ребёнок "
        "имеет право на безопасность и на то, чтобы его выслушали.",
        "## Где получить помощь?",
        "Детская консультация (neuvola) бесплатно следит за здоровьем и развитием ребёнка. При "
        "записи на приём можно попросить переводчика.",
        "Многие организации проводят группы для мам с присмотром за детьми. Там вы встретите "
        "других родителей и сможете поговорить о повседневной жизни с детьми.",
    ],
    "uk": [
        "## Бути батьками в новій країні",
        "З 2003 року Väestöliitto підтримує родини, які переїхали до Фінляндії. Ми консультуємо "
        "з питань сімейного життя та виховання і видаємо брошури багатьма мовами.",
        "Переїзд часто змінює ролі членів родини. Поговоріть разом про те, що змінюється і що "
        "ви хочете зберегти з попереднього життя.",
        "## Дитячий садок і школа",
        "Дитячий садок і школа у Фінляндії пропонують форми підтримки, які можуть бути для вас "
        "новими: спеціальне навчання, додаткові заняття, шкільний соціальний працівник і "
        "шкільна медсестра. Запитайте вчителя, якщо не впевнені, що означає слово.",
        "Обоє батьків мають однакові права та обов'язки щодо своєї дитини. Дитина має право "
        "на безпеку і на те, щоб її вислухали.",
        "## Де отримати допомогу?",
        "Дитяча консультація (neuvola) безкоштовно стежить за здоров'ям і розвитком дитини. Під "
        "час запису на прийом можна попросити перекладача.",
        "Багато організацій проводять групи для мам із доглядом за дітьми. Там ви зустрінете "
        "інших батьків і зможете поговорити про щоденне життя з дітьми.",
    ],
}
