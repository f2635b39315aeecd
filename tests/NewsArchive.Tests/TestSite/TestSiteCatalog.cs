namespace NewsArchive.Tests.TestSite;

/// <summary>
/// The content of the ABReview-style test site as data: what <see cref="NewsTestSite"/> serves and what
/// tests assert against. All members are immutable; a running site may add or change articles
/// (<see cref="NewsTestSite.AddArticle"/>, <see cref="NewsTestSite.SetViews"/>) without touching this catalogue.
/// </summary>
public static class TestSiteCatalog
{
    /// <summary>The fixed "now" of the site: tests use a fixed TimeProvider at this instant.</summary>
    public static DateTimeOffset ReferenceNow { get; } = new(2026, 3, 12, 10, 0, 0, TimeSpan.FromHours(3));

    public const string SiteName = "ABReview";

    /// <summary>Suffix of every page's <c>&lt;title&gt;</c>: <c>{Title} - ABReview</c>.</summary>
    public const string TitleSuffix = " - ABReview";

    /// <summary>Home page: the newest <see cref="ListingPageSize"/> articles and a link to the listing.</summary>
    public const string HomePath = "/";

    /// <summary>News listing, newest first, <see cref="ListingPageSize"/> per page.</summary>
    public const string ListingPath = "/ab/news/";

    public const int ListingPageSize = 5;

    /// <summary>Bitrix pagination parameter: <c>/ab/news/?PAGEN_1=2</c>. Out-of-range pages show the last page, as Bitrix does.</summary>
    public const string ListingPageParameter = "PAGEN_1";

    /// <summary>Query string appended to every third listing link (items 2, 5, 8... of the whole listing).</summary>
    public const string ListingTrackingQuery = "?utm_source=list";

    /// <summary>RSS 2.0 feed, served as <c>application/rss+xml; charset=utf-8</c>.</summary>
    public const string FeedPath = "/rss/";

    /// <summary>The same RSS XML served as <c>text/html; charset=utf-8</c>.</summary>
    public const string FeedAsHtmlPath = "/rss-as-html/";

    /// <summary>Number of (newest) articles in the feed.</summary>
    public const int FeedItemCount = 8;

    /// <summary>The same items as Atom 1.0; links use <see cref="AliasPath"/>, so the canonical link is needed to de-duplicate.</summary>
    public const string AtomPath = "/atom/";

    /// <summary>The same items as RSS 1.0 (RDF).</summary>
    public const string RdfPath = "/rdf/";

    /// <summary>RSS with broken XML (a raw ampersand, an unclosed element) and Russian-style dates, as application/rss+xml.</summary>
    public const string MalformedFeedPath = "/rss-malformed/";

    /// <summary>A second listing of the listed articles: pagination by <c>/ab/lenta/page/N/</c> and a "Далее" link, no rel=next.</summary>
    public const string LentaPath = "/ab/lenta/";

    /// <summary>Sitemap index: <see cref="NewsSitemapPath"/>, <see cref="GzipSitemapPath"/> and the stale <see cref="OldSitemapPath"/>.</summary>
    public const string SitemapIndexPath = "/sitemap-index.xml";

    /// <summary>Google News sitemap: articles of the last two days with news:publication_date and news:title.</summary>
    public const string NewsSitemapPath = "/sitemaps/news.xml";

    /// <summary>Every article with lastmod, gzipped, served as application/x-gzip.</summary>
    public const string GzipSitemapPath = "/sitemaps/articles.xml.gz";

    /// <summary>Listed in the index with a 2019 lastmod: a crawler going back to --since never needs it.</summary>
    public const string OldSitemapPath = "/sitemaps/old-2019.xml";

    /// <summary><c>/ab/news/{id}/</c> serves the article with that id; its canonical link names the real path.</summary>
    public static string AliasPath(TestArticle article) => $"{ListingPath}{article.Id}/";

    /// <summary>A plausible new article for crawler scenarios, published <paramref name="hoursAgo"/> before <see cref="ReferenceNow"/>.</summary>
    public static TestArticle ScenarioArticle(string slug, int id, double hoursAgo, TestResponseBehavior behavior = TestResponseBehavior.Normal, bool listed = true) => new()
    {
        Path = $"/ab/news/rynok/{slug}/",
        Id = id,
        Section = "Рынок",
        Title = $"Сценарий {slug}: дилеры отчитались о продажах за неделю",
        Published = ReferenceNow.AddHours(-hoursAgo),
        DateStyle = TestDateStyle.NumericDateTime,
        HasPublishedTimeMeta = true,
        Lead = $"Материал {slug} о продажах автомобилей на прошлой неделе: дилеры фиксируют рост спроса на кроссоверы.",
        BodyParagraphs =
        [
            $"По данным опроса дилеров ({slug}), продажи новых автомобилей на прошлой неделе выросли на 4% к предыдущей. Больше всего заявок пришлось на кроссоверы китайских марок.",
            "Участники рынка объясняют рост ожиданием повышения цен в апреле и сезонным оживлением спроса. Склады дилеров при этом остаются заполненными на два-три месяца вперёд.",
            "Аналитики считают, что в ближайшие недели динамика сохранится, если условия автокредитования не изменятся.",
        ],
        Author = "Редакция ABReview",
        Tags = ["дилеры"],
        ImageCaption = "Фото: ABReview",
        Views = 100 + id % 100,
        Comments = 0,
        Behavior = behavior,
        Listed = listed,
    };

    public const string RobotsPath = "/robots.txt";

    public const string SitemapPath = "/sitemap.xml";

    /// <summary>Disallowed in robots.txt; the page exists so an impolite fetch shows in the request log.</summary>
    public const string DisallowedPath = "/ab/private/";

    /// <summary>Under <see cref="DisallowedPath"/>; linked from the body of <see cref="BodyLinksArticlePath"/>.</summary>
    public const string PrivateReportPath = "/ab/private/secret-report/";

    /// <summary>Waits <see cref="SlowDelay"/> before answering (gives up when the request is aborted). Not linked.</summary>
    public const string SlowPath = "/slow/";

    public static TimeSpan SlowDelay { get; } = TimeSpan.FromSeconds(5);

    /// <summary>Always 500. Not linked.</summary>
    public const string ErrorPath = "/error500/";

    /// <summary>404 (as is every unknown path). Not linked.</summary>
    public const string MissingPath = "/missing/";

    /// <summary>Serves <see cref="BrokenArticle"/> with mildly broken markup (unclosed tags, no &lt;/body&gt;). Not linked.</summary>
    public const string BrokenPath = "/broken/";

    /// <summary>Served as <c>Content-Type: text/html</c> (no charset) with a windows-1251 meta http-equiv.</summary>
    public const string Windows1251ArticlePath = "/ab/news/dilery/avtomobili-s-probegom-fevral-2026/";

    /// <summary>Body paragraphs hold links: two other articles, <see cref="PrivateReportPath"/> and an external site.</summary>
    public const string BodyLinksArticlePath = "/ab/news/dilery/top-20-dilerskikh-grupp-2025/";

    /// <summary>A body paragraph quotes an older date (<see cref="OldDateInBody"/>); the page has no published_time meta.</summary>
    public const string OldDateInBodyArticlePath = "/ab/news/avtoproizvoditeli/chery-tiggo-7-kaliningrad/";

    public const string OldDateInBody = "15 января 2025 года";

    /// <summary>
    /// Site chrome: every one of these appears on every article page (menus, login box, newsletter form,
    /// related/sidebar headings, comment prompt, footer, counters) and none appears, in any letter case,
    /// in an article's title, lead or body.
    /// </summary>
    public static IReadOnlyList<string> ChromeStrings { get; } =
    [
        "Главная",
        "Новости",
        "Аналитика",
        "Рейтинги",
        "Мероприятия",
        "Контакты",
        "Вход на сайт",
        "Логин",
        "Пароль",
        "Запомнить меня",
        "Войти",
        "Забыли пароль?",
        "Регистрация",
        "Рассылка",
        "Ваш e-mail",
        "Подписаться на рассылку",
        "Поделиться",
        "Новости по теме",
        "Комментарии",
        "Чтобы оставлять комментарии, необходимо авторизоваться на сайте",
        "Возврат к списку",
        "Новости за сегодня",
        "Популярное",
        "Реклама на сайте",
        "© 2008–2026 ABReview",
        "Все права защищены",
        "Использование материалов сайта возможно только с письменного разрешения редакции",
        "Адрес редакции",
        "Тел.: +7 (495) 123-45-67",
        "LiveInternet",
    ];

    /// <summary>
    /// Reader comments: an article with <see cref="TestArticle.Comments"/> = n shows the first n of these
    /// (cycling). They are not body text either.
    /// </summary>
    public static IReadOnlyList<string> CommentTexts { get; } =
    [
        "Цены растут каждый квартал, а зарплаты стоят на месте.",
        "Интересно, как изменится ситуация после снижения ставки.",
        "Брали Jolion в прошлом году, пока без нареканий.",
        "Хотелось бы увидеть данные по регионам отдельно.",
        "В нашем городе до сих пор навязывают допоборудование при покупке.",
        "Спасибо за подробный разбор цифр.",
    ];

    /// <summary>Comment author nicknames, paired with <see cref="CommentTexts"/> by index.</summary>
    public static IReadOnlyList<string> CommentAuthors { get; } =
    [
        "auto_fan77",
        "Сергей К.",
        "m.petrova",
        "Владимир",
        "dealer_spb",
        "Ирина",
    ];

    /// <summary>All catalogue articles, newest first (16 articles, 19 Feb – 12 Mar 2026).</summary>
    public static IReadOnlyList<TestArticle> Articles { get; } = CreateArticles();

    /// <summary>The article served at <see cref="BrokenPath"/>; not part of <see cref="Articles"/>, not linked.</summary>
    public static TestArticle BrokenArticle { get; } = new()
    {
        Path = BrokenPath,
        Id = 218650,
        Section = "Рынок",
        Title = "Tank увеличил продажи в России на 22%",
        Published = At(2026, 3, 10, 9, 0),
        DateStyle = TestDateStyle.NumericDateTime,
        HasPublishedTimeMeta = false,
        Lead = "Продажи внедорожников Tank в феврале 2026 года выросли на 22% и достигли 2,1 тыс. штук.",
        BodyParagraphs =
        [
            "Самой востребованной моделью марки остаётся Tank 300, на которую пришлось почти 60% продаж. Спрос на Tank 500 вырос после появления версии с гибридной установкой.",
            "Марка продолжает развивать отдельные шоурумы: к концу года их число должно вырасти с 74 до 90.",
            "По итогам января и февраля Tank занимает первое место среди рамных внедорожников дороже 4 млн руб.",
        ],
        Author = "Сергей Волков",
        Tags = ["Tank"],
        ImageCaption = "Фото: пресс-служба Tank",
        Views = 950,
        Comments = 0,
    };

    /// <summary>The catalogue article at <paramref name="path"/>; throws if there is none.</summary>
    public static TestArticle Get(string path) =>
        Articles.FirstOrDefault(a => a.Path == path)
        ?? throw new KeyNotFoundException($"No catalogue article at '{path}'.");

    /// <summary><c>/ab/news/</c> for page 1, <c>/ab/news/?PAGEN_1={page}</c> otherwise.</summary>
    public static string ListingPagePath(int page) =>
        page <= 1 ? ListingPath : $"{ListingPath}?{ListingPageParameter}={page}";

    private static TimeSpan Moscow => TimeSpan.FromHours(3);

    private static DateTimeOffset At(int year, int month, int day, int hour, int minute) =>
        new(year, month, day, hour, minute, 0, Moscow);

    private static IReadOnlyList<TestArticle> CreateArticles() =>
    [
        new()
        {
            Path = "/ab/news/avtoproizvoditeli/avtovaz-povysit-ceny-na-lada-s-1-aprelya/",
            Id = 218761,
            Section = "Автопроизводители",
            Title = "АвтоВАЗ с 1 апреля повысит цены на Lada Granta и Lada Niva Travel",
            Published = At(2026, 3, 12, 9, 15),
            DateStyle = TestDateStyle.Relative,
            HasPublishedTimeMeta = true,
            Lead = "АвтоВАЗ уведомил дилеров о повышении рекомендованных розничных цен на ряд моделей Lada с 1 апреля 2026 года. В среднем автомобили подорожают на 2,5–3%.",
            BodyParagraphs =
            [
                "Согласно письму, направленному в дилерскую сеть, стоимость Lada Granta в базовой комплектации «Стандарт» вырастет на 21 тыс. руб. и составит 829 тыс. руб. Внедорожник Lada Niva Travel прибавит в цене от 27 до 35 тыс. руб. в зависимости от исполнения.",
                "В компании объясняют решение ростом себестоимости комплектующих и увеличением утилизационного сбора, который с 1 января был проиндексирован для всех категорий легковых автомобилей. «Мы сдерживали цены так долго, как могли, однако нагрузка на производство продолжает расти», — пояснил представитель АвтоВАЗа.",
                "Цены на Lada Vesta и Lada Largus пока остаются без изменений. Кроме того, в марте сохраняется действующая программа льготного автокредитования с субсидированной ставкой для семей с детьми и покупателей первого автомобиля.",
                "По оценке участников рынка, повышение цен может подстегнуть спрос в конце марта: часть покупателей постарается приобрести машину по старому прайсу. Дилеры уже фиксируют рост числа заявок на Granta с отгрузкой до конца месяца.",
            ],
            Author = "Мария Соколова",
            Tags = ["АвтоВАЗ", "Lada", "цены"],
            ImageCaption = "Фото: пресс-служба АвтоВАЗа",
            Views = 1843,
            Comments = 2,
            RelatedPaths =
            [
                "/ab/news/rynok/prodazhi-novykh-legkovykh-avtomobiley-v-fevrale-2026/",
                "/ab/news/zakonodatelstvo/utilsbor-moshchnost-svyshe-160-ls/",
            ],
        },
        new()
        {
            Path = "/ab/news/elektromobili/prodazhi-elektromobiley-v-fevrale-2026/",
            Id = 218755,
            Section = "Электромобили",
            Title = "Продажи новых электромобилей в России в феврале выросли на 38%",
            Published = At(2026, 3, 11, 16, 40),
            DateStyle = TestDateStyle.Relative,
            HasPublishedTimeMeta = false,
            Lead = "В феврале 2026 года в России было продано 1 412 новых электромобилей, что на 38% больше, чем годом ранее. Лидером сегмента остался Zeekr, на втором месте — «Москвич».",
            BodyParagraphs =
            [
                "По данным агентства «Автостат», доля электромобилей в общем объёме продаж новых легковых автомобилей составила 1,4%. Для сравнения, в феврале прошлого года этот показатель не превышал 1,1%.",
                "Первую строчку занял Zeekr 001 с результатом 318 единиц, второе место у Moskvich 3e (241 шт.), замыкает тройку Tesla Model Y, ввезённая по параллельному импорту (126 шт.). Всего в феврале на рынке были представлены электромобили 29 марок.",
                "Эксперты связывают рост с расширением модельного ряда китайских брендов и снижением цен: ряд импортёров в начале года объявил скидки до 15% на машины 2025 модельного года. Существенную роль сыграли и региональные льготы — в Москве владельцы электромобилей по-прежнему паркуются бесплатно.",
                "«Клиент, который хотя бы год поездил за рулём электромобиля, редко возвращается к бензиновой машине», — считает директор по развитию одной из московских дилерских групп Андрей Ковалёв. По его словам, каждый пятый покупатель, пришедший в салон за электромобилем, уже владеет подобной машиной.",
                "Вместе с тем участники рынка указывают на сдерживающие факторы: нехватку быстрых зарядных станций за пределами городов-миллионников и высокую стоимость страхования.",
            ],
            Author = "Дмитрий Орлов",
            Tags = ["электромобили", "статистика", "Zeekr"],
            ImageCaption = "Фото: ABReview",
            Views = 6201,
            Comments = 0,
            RelatedPaths =
            [
                "/ab/news/elektromobili/bystrye-zaryadnye-stancii-2025/",
                "/ab/news/elektromobili/moskvich-3e-obnovlennyy/",
                "/ab/news/rynok/prodazhi-novykh-legkovykh-avtomobiley-v-fevrale-2026/",
            ],
        },
        new()
        {
            Path = "/ab/news/rynok/prodazhi-novykh-legkovykh-avtomobiley-v-fevrale-2026/",
            Id = 218749,
            Section = "Рынок",
            Title = "Продажи новых легковых автомобилей в феврале 2026 года: рынок сократился на 11%",
            Published = At(2026, 3, 11, 12, 30),
            Updated = At(2026, 3, 11, 15, 5),
            DateStyle = TestDateStyle.DayMonthYear,
            HasPublishedTimeMeta = true,
            Lead = "По итогам февраля 2026 года в России реализовано 98,4 тыс. новых легковых автомобилей. Это на 11,2% меньше, чем в феврале 2025 года, однако на 17% больше результата января.",
            BodyParagraphs =
            [
                "Лидером рынка традиционно остаётся Lada: за месяц было продано 27,9 тыс. автомобилей марки, что соответствует доле 28,4%. На втором месте Haval с результатом 10,6 тыс. шт., на третьем — Geely (8,3 тыс. шт.). В пятёрку также вошли Chery и Tenet.",
                "Среди моделей первенство сохраняет Lada Granta (12,1 тыс. шт.), за ней следуют Lada Vesta (7,4 тыс. шт.) и Haval Jolion (4,9 тыс. шт.). Самым продаваемым иностранным кроссовером стал Geely Monjaro.",
                "Доля автомобилей китайских марок по итогам месяца составила 57%, российских — 36%. На долю остальных, включая машины, ввезённые по каналам параллельного импорта, пришлось около 7% рынка.",
                "Эксперты объясняют снижение продаж высокой стоимостью автокредитов и повышением утилизационного сбора. «Февраль оказался лучше наших ожиданий, но говорить о развороте тренда пока рано», — отметил руководитель отраслевого исследовательского центра Виктор Лебедев.",
                "В марте участники рынка ожидают сезонного роста продаж: по предварительным оценкам, объём рынка может превысить 110 тыс. автомобилей.",
            ],
            Author = "Алексей Морозов",
            Tags = ["статистика", "Lada", "Haval", "Geely"],
            ImageCaption = "Фото: ABReview",
            Views = 9874,
            Comments = 5,
            RelatedPaths =
            [
                "/ab/news/rynok/prodazhi-novykh-legkovykh-avtomobiley-v-yanvare-2026/",
                "/ab/news/elektromobili/prodazhi-elektromobiley-v-fevrale-2026/",
                "/ab/news/lizing/lizing-legkovykh-avtomobiley-fevral-2026/",
            ],
        },
        new()
        {
            Path = "/ab/news/dilery/haval-otkryl-dilerskiy-centr-v-kazani/",
            Id = 218741,
            Section = "Дилеры",
            Title = "Haval открыл в Казани крупнейший дилерский центр в Поволжье",
            Published = At(2026, 3, 10, 14, 5),
            DateStyle = TestDateStyle.NumericDateTime,
            HasPublishedTimeMeta = false,
            Lead = "В Казани открылся новый дилерский центр Haval площадью 4,2 тыс. кв. м. Это крупнейший объект марки в Приволжском федеральном округе.",
            BodyParagraphs =
            [
                "Центр построен по новому корпоративному стандарту Haval и включает шоурум на 14 автомобилей, сервисную зону на 18 постов и отдельную площадку для выдачи машин. Оператором выступает группа «Волга-Авто Холдинг», которая уже представляет в регионе марки Chery и Tank.",
                "Инвестиции в проект составили около 780 млн руб. В новом дилерском центре будут работать 96 сотрудников, из них 40 — в сервисе. План продаж на 2026 год — 2,4 тыс. новых автомобилей.",
                "«Татарстан — один из ключевых регионов для нас, а спрос на Haval здесь стабильно выше среднего по стране», — сообщил на открытии директор по развитию сети Haval в России Игорь Лаптев. По его словам, в этом году компания планирует открыть ещё 25 объектов, а общее число дилеров марки превысит 190.",
                "Сейчас сеть Haval насчитывает 168 дилерских центров в 94 городах. Дилерам, которые открывают объекты в новом стандарте, компания компенсирует часть затрат на оформление и обучение персонала.",
            ],
            Author = "Ольга Кузнецова",
            Tags = ["Haval", "дилеры", "Казань"],
            ImageCaption = "Новый дилерский центр Haval в Казани. Фото: «Волга-Авто Холдинг»",
            Views = 3410,
            Comments = 1,
            RelatedPaths =
            [
                "/ab/news/avtoproizvoditeli/haval-jolion-obnovlennyy-start-prodazh/",
                "/ab/news/dilery/avtomobili-s-probegom-fevral-2026/",
            ],
        },
        new()
        {
            Path = "/ab/news/zakonodatelstvo/utilsbor-moshchnost-svyshe-160-ls/",
            Id = 218736,
            Section = "Законодательство",
            Title = "Минпромторг предложил изменить расчёт утильсбора для автомобилей мощностью свыше 160 л.с.",
            Published = At(2026, 3, 9, 11, 20),
            DateStyle = TestDateStyle.DayMonthYear,
            HasPublishedTimeMeta = false,
            Lead = "Минпромторг опубликовал проект постановления, по которому размер утилизационного сбора для легковых автомобилей будет зависеть не только от объёма двигателя, но и от его мощности.",
            BodyParagraphs =
            [
                "Согласно документу, для автомобилей мощностью от 160 до 190 л.с. коэффициент расчёта сбора вырастет в 1,7 раза, а для машин мощнее 300 л.с. — более чем в три раза. Новая шкала распространится как на юридических, так и на физических лиц, ввозящих автомобили для личного пользования.",
                "Льготная ставка в 3400 руб. для физических лиц сохранится только для машин мощностью до 160 л.с. Именно эта лазейка, по оценке ведомства, позволяла ввозить дорогие автомобили под видом личных с минимальными платежами.",
                "Общественное обсуждение проекта продлится до 23 марта. Если документ будет принят, новые ставки начнут действовать с 1 мая 2026 года.",
                "Импортёры и участники рынка параллельного ввоза уже предупредили о возможном росте цен на мощные кроссоверы и внедорожники на 10–20%. Производители, локализовавшие сборку в России, от изменений практически не пострадают.",
            ],
            Author = "Алексей Морозов",
            Tags = ["утильсбор", "Минпромторг", "импорт"],
            ImageCaption = "Фото: ABReview",
            Views = 5120,
            Comments = 12,
            RelatedPaths =
            [
                "/ab/news/avtoproizvoditeli/avtovaz-povysit-ceny-na-lada-s-1-aprelya/",
                "/ab/news/rynok/import-legkovykh-avtomobiley-yanvar-2026/",
            ],
        },
        new()
        {
            Path = "/ab/news/lizing/lizing-legkovykh-avtomobiley-fevral-2026/",
            Id = 218729,
            Section = "Лизинг",
            Title = "Лизинг легковых автомобилей в феврале: новый бизнес сократился на 12%",
            Published = At(2026, 3, 6, 10, 0),
            DateStyle = TestDateStyle.NumericDateTime,
            HasPublishedTimeMeta = true,
            Lead = "Объём нового бизнеса в сегменте лизинга легковых автомобилей в феврале 2026 года составил 9,8 тыс. единиц. Снижение к аналогичному периоду прошлого года достигло 12%.",
            BodyParagraphs =
            [
                "Крупнейшими игроками по числу переданных в лизинг легковых машин стали «Альянс Лизинг», «Прайм Авто Лизинг» и «Северный лизинговый дом». На первую тройку пришлось почти 45% сегмента.",
                "Участники рынка называют главной причиной спада дорогое фондирование: при ключевой ставке выше 16% ставки удорожания по лизингу для малого бизнеса выросли до 22–25% годовых. Компании ужесточили требования к лизингополучателям и увеличили минимальный аванс до 20–30%.",
                "Вместе с тем растёт доля китайских марок: в феврале они заняли 71% лизинговых сделок с легковыми автомобилями. Самыми востребованными моделями стали Haval Jolion, Chery Tiggo 7 Pro Max и Geely Monjaro.",
                "Выросло и число изъятий: по оценке отраслевых экспертов, в феврале лизинговые компании вернули на свои площадки около 4,5 тыс. легковых автомобилей, в основном из-за просрочек по платежам.",
            ],
            Author = "Никита Белов",
            Tags = ["лизинг", "статистика"],
            ImageCaption = "Фото: ABReview",
            Views = 2298,
            Comments = 0,
            RelatedPaths =
            [
                "/ab/news/finansy/avtokreditovanie-fevral-2026/",
                "/ab/news/rynok/prodazhi-novykh-legkovykh-avtomobiley-v-fevrale-2026/",
            ],
        },
        new()
        {
            Path = OldDateInBodyArticlePath,
            Id = 218722,
            Section = "Автопроизводители",
            Title = "Chery начнёт выпуск кроссовера Tiggo 7 на заводе в Калининграде",
            Published = At(2026, 3, 5, 15, 45),
            DateStyle = TestDateStyle.DayMonthYearTime,
            HasPublishedTimeMeta = false,
            Lead = "Chery и «Балтийский автосборочный завод» подписали соглашение о сборке кроссовера Tiggo 7. Первые автомобили сойдут с конвейера летом 2026 года.",
            BodyParagraphs =
            [
                "Производство будет организовано по технологии крупноузловой сборки с последующим переходом на полный цикл, включая сварку и окраску кузовов. Проектная мощность линии составит 40 тыс. автомобилей в год.",
                "Переговоры о локализации велись давно: ещё 15 января 2025 года компания сообщала о намерении перенести часть производства в Россию, однако тогда стороны не смогли договориться о сроках и уровне локализации.",
                "Соглашение предусматривает, что к 2028 году уровень локализации достигнет 45%. В проект будет инвестировано более 6 млрд руб., на заводе появится около 700 рабочих мест.",
                "Локальная сборка позволит Chery снизить нагрузку от утильсбора и сохранить доступные цены. По итогам 2025 года Tiggo 7 Pro Max вошёл в десятку самых продаваемых моделей в России с результатом 41,7 тыс. шт.",
                "Дилеры марки рассчитывают, что автомобили местной сборки появятся в продаже в сентябре.",
            ],
            Author = "Ольга Кузнецова",
            Tags = ["Chery", "локализация", "Калининград"],
            ImageCaption = "Chery Tiggo 7. Фото: пресс-служба Chery",
            Views = 4377,
            Comments = 3,
            RelatedPaths =
            [
                "/ab/news/rynok/prodazhi-novykh-legkovykh-avtomobiley-v-fevrale-2026/",
            ],
        },
        new()
        {
            Path = Windows1251ArticlePath,
            Id = 218715,
            Section = "Дилеры",
            Title = "Дилеры: спрос на автомобили с пробегом в феврале вырос на 9%",
            Published = At(2026, 3, 4, 13, 10),
            DateStyle = TestDateStyle.NumericDateTime,
            HasPublishedTimeMeta = false,
            Lead = "Продажи легковых автомобилей с пробегом в официальных дилерских центрах в феврале 2026 года выросли на 9% по сравнению с январём. Средний чек сделки составил 1,47 млн руб.",
            BodyParagraphs =
            [
                "Всего за месяц на вторичном рынке России сменили владельцев 462 тыс. легковых автомобилей. Доля дилеров в этих сделках увеличилась до 14% — год назад она не превышала 11%.",
                "Самыми популярными моделями остаются Lada Granta, Lada 2114 и Toyota Camry. Среди автомобилей не старше трёх лет лидирует Haval Jolion, за ним следуют Chery Tiggo 7 Pro Max и Geely Coolray.",
                "«Покупатели всё чаще выбирают машины с пробегом у официальных дилеров из-за гарантии юридической чистоты и программ trade-in», — пояснил директор по продажам автомобилей с пробегом группы компаний «АвтоСфера» Роман Ерёмин. По его словам, оборачиваемость склада сократилась до 38 дней.",
                "Участники рынка отмечают, что рост цен на новые автомобили и дорогие кредиты смещают спрос в сторону вторичного рынка. В марте дилерам прогнозируют сохранение этой тенденции.",
            ],
            BodyLayout = TestBodyLayout.LineBreaks,
            Author = "Сергей Волков",
            Tags = ["дилеры", "автомобили с пробегом"],
            ImageCaption = "Фото: ABReview",
            Views = 2875,
            Comments = 0,
            RelatedPaths =
            [
                BodyLinksArticlePath,
                "/ab/news/finansy/avtokreditovanie-fevral-2026/",
            ],
            Encoding = "windows-1251",
        },
        new()
        {
            Path = "/ab/news/elektromobili/moskvich-3e-obnovlennyy/",
            Id = 218708,
            Section = "Электромобили",
            Title = "«Москвич» начал выпуск обновлённого электромобиля Moskvich 3e",
            Published = At(2026, 3, 3, 12, 0),
            DateStyle = TestDateStyle.DayMonthYear,
            HasPublishedTimeMeta = true,
            Lead = "Московский автозавод «Москвич» приступил к серийному производству обновлённой версии Moskvich 3e. Запас хода кроссовера увеличен до 410 км по циклу WLTP.",
            BodyParagraphs =
            [
                "Модернизированный электромобиль получил новую тяговую батарею ёмкостью 68 кВт·ч вместо прежних 65 кВт·ч, доработанную систему терморегулирования и функцию быстрой зарядки мощностью до 120 кВт. Зарядка с 20 до 80% теперь занимает около 30 минут.",
                "Внешне обновлённый Moskvich 3e отличается светодиодной оптикой другой формы и новыми колёсными дисками. В салоне появился мультимедийный комплекс с отечественной операционной системой и голосовым помощником.",
                "Рекомендованная розничная цена стартует от 3,9 млн руб. Покупатели могут воспользоваться государственной программой льготного автокредитования, действие которой распространяется на электромобили российского производства.",
                "Продажи обновлённой модели начнутся в середине марта через 45 дилерских центров. В 2026 году завод рассчитывает выпустить около 6 тыс. электромобилей.",
            ],
            Author = "Дмитрий Орлов",
            Tags = ["Москвич", "электромобили"],
            ImageCaption = "Moskvich 3e. Фото: пресс-служба завода «Москвич»",
            Views = 3988,
            Comments = 4,
            RelatedPaths =
            [
                "/ab/news/elektromobili/prodazhi-elektromobiley-v-fevrale-2026/",
                "/ab/news/elektromobili/bystrye-zaryadnye-stancii-2025/",
            ],
        },
        new()
        {
            Path = BodyLinksArticlePath,
            Id = 218701,
            Section = "Дилеры",
            Title = "Топ-20 дилерских групп по итогам 2025 года: лидер сохранил позиции",
            Published = At(2026, 3, 2, 17, 20),
            DateStyle = TestDateStyle.DayMonthYearTime,
            HasPublishedTimeMeta = true,
            Lead = "ABReview подвёл итоги ежегодного исследования крупнейших дилерских групп России. Совокупная выручка участников топ-20 по итогам 2025 года составила 2,1 трлн руб.",
            BodyParagraphs =
            [
                "Первое место сохранила группа «Автомир Трейд» с выручкой 318 млрд руб. и 142 дилерскими центрами. Второе и третье места заняли «Северная дилерская компания» и «Юг-Моторс Групп». Сразу три участника топ-20 увеличили число дилерских центров более чем на 30%.",
                "Главным источником роста стали китайские марки: на них пришлось 64% продаж новых автомобилей у дилеров из топ-20. Многие группы продолжают расширять сеть — например, одна из крупнейших компаний Поволжья недавно открыла дилерский центр в Казани площадью 4,2 тыс. кв. м.",
                "Доля вторичного рынка в выручке дилерских групп выросла до 21%. О том, как меняется спрос на автомобили с пробегом, мы писали ранее.",
                "Рентабельность бизнеса при этом снизилась: средняя чистая маржа участников исследования составила 2,3% против 3,1% годом ранее. Дилеры жалуются на рост складских запасов и стоимости кредитных линий.",
                "Полная версия исследования с финансовыми показателями всех участников доступна подписчикам ABReview. Методика опирается на данные компаний и открытую отчётность, а рыночные доли рассчитаны по данным агентства «Автостат».",
            ],
            BodyLinks =
            [
                new("открыла дилерский центр в Казани", "/ab/news/dilery/haval-otkryl-dilerskiy-centr-v-kazani/"),
                new("спрос на автомобили с пробегом", Windows1251ArticlePath),
                new("Полная версия исследования", PrivateReportPath),
                new("агентства «Автостат»", "https://www.autostat.ru/"),
            ],
            Author = "Редакция ABReview",
            Tags = ["дилеры", "топ-20", "итоги года"],
            ImageCaption = "Инфографика: ABReview",
            Views = 7410,
            Comments = 6,
            RelatedPaths =
            [
                "/ab/news/dilery/haval-otkryl-dilerskiy-centr-v-kazani/",
                Windows1251ArticlePath,
            ],
        },
        new()
        {
            Path = "/ab/news/rynok/prodazhi-lcv-yanvar-2026/",
            Id = 218694,
            Section = "Рынок",
            Title = "Продажи новых LCV в январе снизились на 9%",
            Published = At(2026, 2, 27, 9, 40),
            DateStyle = TestDateStyle.NumericDateTime,
            HasPublishedTimeMeta = false,
            Lead = "В январе 2026 года в России было продано 6,3 тыс. новых лёгких коммерческих автомобилей. Падение к январю прошлого года составило 9%.",
            BodyParagraphs =
            [
                "Лидером сегмента остаётся ГАЗ: за месяц реализовано 2,7 тыс. автомобилей «Газель» разных модификаций, что соответствует доле рынка 43%. Второе место занимает Lada Largus в фургонном исполнении (1,1 тыс. шт.), третье — Sollers Atlant (640 шт.).",
                "Китайские марки в сегменте LCV пока уступают по объёмам: суммарно JAC, Foton и Dongfeng продали 1,2 тыс. машин. Тем не менее их доля за год выросла с 14 до 19%.",
                "Основные покупатели лёгких коммерческих автомобилей — малый бизнес и службы доставки, которые сильнее других пострадали от роста ставок по кредитам и лизингу. Многие компании откладывают обновление парка до снижения ключевой ставки.",
            ],
            Author = "Никита Белов",
            Tags = ["LCV", "статистика", "ГАЗ"],
            ImageCaption = "Фото: ABReview",
            Views = 1120,
            Comments = 0,
            RelatedPaths =
            [
                "/ab/news/lizing/lizing-legkovykh-avtomobiley-fevral-2026/",
            ],
        },
        new()
        {
            Path = "/ab/news/finansy/avtokreditovanie-fevral-2026/",
            Id = 218687,
            Section = "Финансы",
            Title = "Автокредитование в феврале: банки выдали 61 тыс. кредитов на покупку машин",
            Published = At(2026, 2, 26, 18, 30),
            DateStyle = TestDateStyle.DayMonthYear,
            HasPublishedTimeMeta = false,
            Lead = "Количество выданных автокредитов в феврале 2026 года выросло на 14% относительно января, но остаётся на 27% ниже уровня прошлого года.",
            BodyParagraphs =
            [
                "Общий объём выдач составил 158 млрд руб. Средний размер кредита на новый автомобиль достиг 2,58 млн руб., на автомобиль с пробегом — 1,32 млн руб.",
                "Доля автомобилей, купленных в кредит, на рынке новых машин снизилась до 42%. Годом ранее этот показатель превышал 55%. Эксперты связывают сокращение с жёсткой политикой ЦБ: ключевая ставка остаётся на уровне 16%, а средние ставки по автокредитам без субсидий превышают 24% годовых.",
                "Поддержку спросу оказывают программы субсидирования от производителей. Дилерам удаётся продавать в кредит до 60% автомобилей тех марок, которые предлагают ставку от 0,01% при первом взносе 50%.",
                "Банкиры ожидают постепенного оживления во втором квартале, если регулятор начнёт снижать ставку. По прогнозу крупных банков, по итогам 2026 года объём выдач автокредитов может вырасти на 10–15%.",
            ],
            Author = "Сергей Волков",
            Tags = ["автокредиты", "банки"],
            ImageCaption = "Фото: ABReview",
            Views = 2011,
            Comments = 1,
            RelatedPaths =
            [
                "/ab/news/lizing/lizing-legkovykh-avtomobiley-fevral-2026/",
                Windows1251ArticlePath,
            ],
        },
        new()
        {
            Path = "/ab/news/elektromobili/bystrye-zaryadnye-stancii-2025/",
            Id = 218680,
            Section = "Электромобили",
            Title = "В России насчитывается более 10 тыс. быстрых зарядных станций",
            Published = At(2026, 2, 25, 13, 0),
            DateStyle = TestDateStyle.DayMonthYearTime,
            HasPublishedTimeMeta = true,
            Lead = "Количество быстрых зарядных станций для электромобилей в России по итогам 2025 года превысило 10,2 тыс. За год их число выросло в 1,6 раза.",
            BodyParagraphs =
            [
                "Больше всего быстрых зарядок установлено в Москве (2,9 тыс.), Московской области (1,1 тыс.) и Санкт-Петербурге (780). В десятку регионов-лидеров также вошли Татарстан, Краснодарский край и Свердловская область.",
                "Крупнейшими операторами остаются «ЭнергоДрайв», «Ток-Сеть» и «Городская зарядка». На их долю приходится почти половина всех быстрых станций страны.",
                "Несмотря на рост, инфраструктура по-прежнему отстаёт от парка: на одну быструю станцию приходится около 14 электромобилей. На федеральных трассах расстояние между зарядками в ряде регионов превышает 200 км, что ограничивает междугородние поездки.",
                "Правительство продлило программу субсидирования строительства зарядных станций до 2030 года. В 2026 году на эти цели планируется направить 1,8 млрд руб.",
            ],
            Author = "Дмитрий Орлов",
            Tags = ["электромобили", "инфраструктура"],
            ImageCaption = "Быстрая зарядная станция в Москве. Фото: ABReview",
            Views = 3301,
            Comments = 2,
            RelatedPaths =
            [
                "/ab/news/elektromobili/prodazhi-elektromobiley-v-fevrale-2026/",
            ],
        },
        new()
        {
            Path = "/ab/news/avtoproizvoditeli/haval-jolion-obnovlennyy-start-prodazh/",
            Id = 218673,
            Section = "Автопроизводители",
            Title = "Haval начал продажи обновлённого кроссовера Jolion российской сборки",
            Published = At(2026, 2, 24, 11, 15),
            DateStyle = TestDateStyle.NumericDateTime,
            HasPublishedTimeMeta = true,
            Lead = "Haval открыл приём заказов на обновлённый Jolion, который выпускается на заводе марки в Тульской области. Цены стартуют от 2,19 млн руб.",
            BodyParagraphs =
            [
                "Кроссовер получил изменённую решётку радиатора, новые фары и перекомпонованный салон с 12,3-дюймовым экраном мультимедиа. Базовым остался 1,5-литровый турбомотор мощностью 143 л.с., который работает в паре с семиступенчатым «роботом».",
                "Для российского рынка автомобиль адаптирован к эксплуатации в холодном климате: в стандартное оснащение входят подогрев руля, лобового стекла и форсунок омывателя.",
                "Продажи стартовали во всех дилерских центрах Haval. Дилеры получили первые партии ещё в середине февраля, поэтому большинство комплектаций доступны со склада.",
                "Jolion остаётся самой продаваемой моделью марки: в 2025 году в России было реализовано 52,4 тыс. таких кроссоверов.",
            ],
            Author = "Ольга Кузнецова",
            Tags = ["Haval", "Jolion", "новинки"],
            ImageCaption = "Haval Jolion. Фото: пресс-служба Haval",
            Views = 5590,
            Comments = 3,
            RelatedPaths =
            [
                "/ab/news/dilery/haval-otkryl-dilerskiy-centr-v-kazani/",
            ],
        },
        new()
        {
            Path = "/ab/news/rynok/prodazhi-novykh-legkovykh-avtomobiley-v-yanvare-2026/",
            Id = 218666,
            Section = "Рынок",
            Title = "Итоги января 2026 года: продажи легковых автомобилей сократились на 15%",
            Published = At(2026, 2, 20, 10, 30),
            DateStyle = TestDateStyle.DayMonthYear,
            HasPublishedTimeMeta = true,
            Lead = "В январе 2026 года в России было продано 84,1 тыс. новых легковых автомобилей. Это на 15,3% меньше, чем годом ранее.",
            BodyParagraphs =
            [
                "Январь традиционно остаётся самым слабым месяцем года, однако в этот раз на спрос дополнительно повлияли повышение утилизационного сбора и сворачивание части программ субсидирования автокредитов.",
                "Lada сохранила лидерство с долей 29,7%, продажи марки составили 25 тыс. шт. На втором месте Haval (9,2 тыс. шт.), на третьем — Geely (7,1 тыс. шт.).",
                "Наибольшее падение продемонстрировал сегмент премиальных автомобилей, продажи которых снизились почти вдвое. Объём параллельного импорта также сократился — до 5,4 тыс. машин.",
                "Эксперты сохраняют осторожный прогноз на первый квартал: по их оценкам, рынок будет восстанавливаться медленно, а по итогам года составит 1,35–1,45 млн легковых автомобилей.",
            ],
            BodyLayout = TestBodyLayout.LineBreaks,
            Author = "Алексей Морозов",
            Tags = ["статистика", "итоги месяца"],
            ImageCaption = "Фото: ABReview",
            Views = 8120,
            Comments = 4,
            RelatedPaths =
            [
                "/ab/news/rynok/import-legkovykh-avtomobiley-yanvar-2026/",
            ],
        },
        new()
        {
            Path = "/ab/news/rynok/import-legkovykh-avtomobiley-yanvar-2026/",
            Id = 218659,
            Section = "Рынок",
            Title = "Импорт легковых автомобилей в январе: доля параллельного ввоза снизилась до 6%",
            Published = At(2026, 2, 19, 16, 50),
            DateStyle = TestDateStyle.DayMonthYearTime,
            HasPublishedTimeMeta = false,
            Lead = "В январе 2026 года в Россию было ввезено 38,6 тыс. новых легковых автомобилей. Доля машин, поступивших по каналам параллельного импорта, снизилась до 6%.",
            BodyParagraphs =
            [
                "Основным поставщиком остаётся Китай: на автомобили, произведённые в КНР, пришлось 83% импорта. Далее следуют Белоруссия (7%) и Казахстан (4%), где налажена сборка ряда китайских моделей.",
                "Сокращение параллельного ввоза эксперты объясняют ужесточением правил ввоза автомобилей через страны ЕАЭС и ростом утильсбора для физических лиц, ввозящих машины для перепродажи.",
                "«Параллельный импорт превращается в нишевый канал для премиальных и редких моделей», — отметил партнёр консалтинговой компании «Авто-Маркет Консалт» Павел Гришин. По его оценке, в 2026 году доля такого ввоза не превысит 5%.",
            ],
            Author = "Никита Белов",
            Tags = ["импорт", "параллельный импорт"],
            ImageCaption = "Фото: ABReview",
            Views = 2640,
            Comments = 0,
            RelatedPaths =
            [
                "/ab/news/rynok/prodazhi-novykh-legkovykh-avtomobiley-v-yanvare-2026/",
                "/ab/news/zakonodatelstvo/utilsbor-moshchnost-svyshe-160-ls/",
            ],
        },
    ];
}
