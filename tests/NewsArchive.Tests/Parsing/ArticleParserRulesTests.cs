using NewsArchive.Parsing;

namespace NewsArchive.Tests.Parsing;

/// <summary>Single extraction rules, each on the smallest page that shows it.</summary>
public sealed class ArticleParserRulesTests
{
    private static readonly DateTimeOffset Now = new(2026, 3, 12, 10, 0, 0, TimeSpan.FromHours(3));
    private static readonly Uri PageUrl = new("https://news.example/2026/03/11/story/");

    private static ParsedPage Parse(string body, string head = "") =>
        new ArticleParser().Parse($"<html><head>{head}</head><body>{body}</body></html>", PageUrl, new ParseContext(Now, SiteTimeZones.Default));

    private const string Paragraphs = """
        <p>Первый абзац новости о рынке автомобилей, в котором достаточно слов, запятых и смысла, чтобы его посчитали текстом.</p>
        <p>Второй абзац продолжает рассказ: дилеры, импортёры и аналитики обсуждают цены, спрос и условия кредитования.</p>
        """;

    /// <summary>Three more paragraphs, for rules that only trust a block with real prose (over 500 characters).</summary>
    private const string MoreParagraphs =
        "<p>Третий абзац: спрос на кроссоверы держится, а седаны уступают, хотя скидки на них растут второй месяц подряд.</p>"
        + "<p>Четвёртый абзац: импортёры ждут новых поставок к лету, а дилеры сокращают складские запасы и пересматривают прайс-листы.</p>"
        + "<p>Пятый абзац: аналитики советуют не торопиться с покупкой, пока курс и ставки по кредитам не определились.</p>";

    /// <summary>Site-wide links that outweigh the article, so no wrapper is kept merely for holding most of the page's text.</summary>
    private static readonly string SiteWideLinks =
        "<ul>" + string.Concat(Enumerable.Range(1, 20).Select(i => $"""<li><a href="/news/{i}">Новость номер {i} о продажах автомобилей и дилерах в регионах</a></li>""")) + "</ul>";

    [Fact]
    public void Parse_BodyInsideWrappersNamedLikeChrome_IsKept()
    {
        var landmark = Parse($"""<main class="main" id="skip-main"><h1>Продажи выросли</h1>{Paragraphs}</main>{SiteWideLinks}""");
        var blogger = Parse($"""<div class="widget Blog" id="Blog1"><div class="post hentry"><div class="post-body entry-content">{Paragraphs.Replace("p>", "div>", StringComparison.Ordinal)}{Paragraphs.Replace("p>", "div>", StringComparison.Ordinal)}{Paragraphs.Replace("p>", "div>", StringComparison.Ordinal)}</div></div></div>{SiteWideLinks}""");
        var adSlots = Parse($"""<article class="report"><section class="report__section report__section--ads"><h2>Итоги</h2>{Paragraphs}</section><section class="report__section report__section--ads"><p>Третий абзац: спрос на кроссоверы держится, а седаны уступают, хотя скидки на них растут второй месяц подряд.</p></section></article>{SiteWideLinks}""");
        var elementor = Parse($"""<div class="elementor-widget-wrap"><div class="elementor-element elementor-widget elementor-widget-text-editor"><div class="elementor-widget-container">{Paragraphs}</div></div></div>{SiteWideLinks}""");

        Assert.All(new[] { landmark, blogger, elementor, adSlots }, page => Assert.Contains("Второй абзац продолжает рассказ", page.Body));
    }

    [Fact]
    public void Parse_ArticleSplitIntoTemplateModules_KeepsEveryModule()
    {
        static string Module(string text) => $"""<div class="editorial-module"><div class="text"><div class="text-text"><p>{text}</p></div></div></div>""";
        var page = Parse(
            "<h1>Интервью с главой дилерского холдинга</h1>"
            + Module("Первый модуль: глава холдинга рассказал о продажах, ценах, складских остатках и планах на весну, перечислив марки.")
            + """<div class="quote-module"><blockquote>Цитата между модулями.</blockquote></div>"""
            + Module("Второй модуль: о кредитах, лизинге, подписке и о том, как изменился спрос на подержанные машины за год, по регионам.")
            + Module("Третий модуль: о сервисе, запчастях, логистике, параллельном импорте и ожиданиях от следующего квартала, без прогнозов."));

        Assert.Contains("Первый модуль", page.Body);
        Assert.Contains("Второй модуль", page.Body);
        Assert.Contains("Третий модуль", page.Body);
    }

    [Fact]
    public void Parse_TextOnlyInNoScriptFallback_IsTheBody()
    {
        var page = Parse($"""<div id="app"></div><script>render()</script><noscript><img src="/pixel.gif"></noscript><noscript><div class="post"><h1>Продажи выросли</h1>{Paragraphs}{MoreParagraphs}</div></noscript>""");

        Assert.Contains("Второй абзац продолжает рассказ", page.Body);
        Assert.DoesNotContain("pixel", page.BodyHtml ?? "", StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_PdfPrompt_DroppedButPdfLinkInASentenceKept()
    {
        var page = Parse($"""<article><h1>Продажи выросли</h1><div class="tools">Pressemitteilung als PDF</div>{Paragraphs}<p>Ein Blick in das Inhaltsverzeichnis (<a href="/toc.pdf">PDF</a>) zeigt: hier bleiben kaum Fragen offen.</p></article>""");

        Assert.DoesNotContain("als PDF", page.Body);
        Assert.Contains("Inhaltsverzeichnis (PDF) zeigt", page.Body);
    }

    [Theory]
    [InlineData("<h3>Das könnte Sie auch interessieren</h3>")]
    [InlineData("<h3>Weitere Pressemitteilungen dieses Verbandes</h3>")]
    [InlineData("<h3>Wie bewerten Sie diesen Artikel?</h3>")]
    [InlineData("<h3>Похожие новости</h3>")]
    [InlineData("<h4>Nächster Artikel</h4>")]
    [InlineData("<p>Explore further</p>")]
    public void Parse_ForeignTailHeadingAfterTheArticle_CutsWhatFollows(string heading)
    {
        var page = Parse($"""<article><h1>Продажи выросли</h1>{Paragraphs}{heading}<p>Хвостовой блок после статьи, который не должен попасть в текст.</p></article>""");

        Assert.Contains("Второй абзац", page.Body);
        Assert.DoesNotContain("Хвостовой блок", page.Body);
    }

    [Theory]
    [InlineData("https://diario.com.ar/nota/1", """<meta property="article:published_time" content="2022-05-04T00:25:56Z">""", "2022-05-03T21:25:56-03:00")]
    [InlineData("https://zeitung.de/artikel/1", """<meta property="article:published_time" content="2022-05-04T10:00:00">""", "2022-05-04T10:00:00+02:00")]
    [InlineData("https://news.example/story/1", """<meta property="article:published_time" content="2022-05-04T00:25:56Z">""", "2022-05-04T00:25:56+00:00")]
    [InlineData("https://news.example/story/1", """<meta property="article:published_time" content="2022-05-04T10:00:00">""", "2022-05-04T10:00:00+03:00")]
    public void Parse_PageOnCountryDomain_DatesInThatCountrysZone(string url, string head, string expected)
    {
        var html = $"<html><head>{head}</head><body><article><h1>Продажи выросли</h1>{Paragraphs}</article></body></html>";

        var page = new ArticleParser().Parse(html, new Uri(url), new ParseContext(Now, SiteTimeZones.Default));

        Assert.Equal(expected, page.Published?.ToString("yyyy-MM-dd'T'HH:mm:sszzz", System.Globalization.CultureInfo.InvariantCulture));
    }

    [Fact]
    public void Parse_ZoneFromDomainOff_KeepsTheSiteZone()
    {
        var html = $"""<html><head><meta property="article:published_time" content="2022-05-04T10:00:00"></head><body><article><h1>Продажи выросли</h1>{Paragraphs}</article></body></html>""";

        var page = new ArticleParser().Parse(html, new Uri("https://zeitung.de/artikel/1"), new ParseContext(Now, SiteTimeZones.Default) { ZoneFromDomain = false });

        Assert.Equal(TimeSpan.FromHours(3), page.Published?.Offset);
    }

    [Fact]
    public void Parse_ShortBlockWithBodyLikeClassBesideLongArticle_TheArticleWins()
    {
        var page = Parse(
            """<div class="col-3"><div class="panel"><div class="panel-body"><p>Доставка по городу, оплата картой, самовывоз, бонусы и скидки постоянным покупателям магазина.</p></div></div></div>"""
            + """<div class="col-9"><div class="beschreibung">"""
            + "<p>Первый абзац обзора, где рассказывается о регионе, виноградниках, сортах и правилах выдержки.</p>"
            + "<p>Второй абзац: классификация, сроки выдержки в бочке и в бутылке, требования к урожайности.</p>"
            + "<p>Третий абзац: лучшие годы урожая, производители, цены на аукционах и мнения критиков.</p>"
            + "<p>Четвёртый абзац: как хранить, при какой температуре подавать и с какими блюдами сочетать.</p>"
            + "</div></div>");

        Assert.Contains("Четвёртый абзац", page.Body);
        Assert.DoesNotContain("Доставка по городу", page.Body);
    }

    [Theory]
    [InlineData("LE PUEDE INTERESAR:")]
    [InlineData("PUEDES VER:")]
    [InlineData("Zobacz również:")]
    [InlineData("Читайте также:")]
    public void Parse_ReadAlsoLineInsideTheBody_IsDropped(string label)
    {
        var page = Parse($"""<article><h1>Продажи выросли</h1>{Paragraphs}<p><strong>{label}</strong> <a href="/news/other">Другая новость о ценах на бензин</a></p><p>Третий абзац после врезки: дилеры ждут весны и новых поставок из Китая.</p></article>""");

        Assert.Contains("Третий абзац после врезки", page.Body);
        Assert.DoesNotContain("Другая новость", page.Body);
    }

    [Fact]
    public void Parse_AdDisclosureLine_DroppedButSentenceAboutAdsKept()
    {
        var page = Parse($"""<article><h1>Продажи выросли</h1><p>Anzeige, enthält Affiliate Links</p><p>Werbung ist für Autohändler der größte Posten im Marketingbudget, sagen Analysten.</p>{Paragraphs}</article>""");

        Assert.DoesNotContain("Affiliate", page.Body);
        Assert.Contains("Werbung ist für Autohändler", page.Body);
    }

    [Fact]
    public void Parse_OneWordH1AtTheEdgeOfTheTitle_IsTheTitle()
    {
        var recipe = Parse($"<article><h1>Mandarinen-Schmand-Kuchen</h1>{Paragraphs}</article>", "<title>Mandarinen-Schmand-Kuchen von jesusfreak | Chefkoch</title>");
        var site = Parse($"<div><h1>Autostat</h1></div><article>{Paragraphs}</article>", "<title>Autostat Продажи новых автомобилей выросли на шесть процентов</title>");

        Assert.Equal("Mandarinen-Schmand-Kuchen", recipe.Title);
        Assert.NotEqual("Autostat", site.Title);
    }

    [Fact]
    public void Parse_SoleOneWordH1_NamesThePageUnlessItIsACodeOrTheSiteName()
    {
        var welcome = Parse($"<article><h1>Willkommen!</h1>{Paragraphs}</article>", "<title>Autohaus Niemeyer</title>");
        var twoH1s = Parse($"<h1>Zoll</h1><article><h1>Fachmeldungen</h1>{Paragraphs}</article>", "<title>Autohaus Niemeyer</title>");
        var notFound = Parse($"<h1>404</h1><p>Нет такой страницы.</p>", "<title>Страница не найдена — ABReview</title>");

        Assert.Equal("Willkommen!", welcome.Title);
        Assert.Equal("Autohaus Niemeyer", twoH1s.Title);
        Assert.Equal("Страница не найдена", notFound.Title);
    }

    [Theory]
    [InlineData("Judy Eddy/WENN.com")]
    [InlineData("Crédits photos : Bestimage")]
    [InlineData("Иван Петров / РИА Новости")]
    [InlineData("Abbildung 4: klassische Schwachschicht.")]
    [InlineData("Рис. 2: продажи по месяцам")]
    [InlineData("© WSNA")]
    public void Parse_PhotoCreditLine_IsDropped(string credit)
    {
        var page = Parse($"""<article><h1>Продажи выросли</h1><div class="stage"><img src="/a.jpg"><span>{credit}</span></div>{Paragraphs}</article>""");

        Assert.DoesNotContain(credit, page.Body);
        Assert.Contains("Второй абзац", page.Body);
    }

    [Fact]
    public void Parse_DescriptionShownAboveTheBody_OpensTheBody()
    {
        const string lead = "Дилеры подвели итоги февраля: спрос на новые машины вырос, а склады опустели быстрее, чем ожидали.";
        var page = Parse(
            $"""<div class="head"><h1>Продажи выросли</h1><p>{lead}</p></div><div class="article-text">{Paragraphs}</div>""",
            $"""<meta name="description" content="{lead}">""");
        var repeated = Parse(
            $"""<div class="head"><h1>Продажи выросли</h1><p>{lead}</p></div><div class="article-text"><p>{lead}</p>{Paragraphs}</div>""",
            $"""<meta name="description" content="{lead}">""");

        var microdata = Parse(
            $"""<div class="head"><h1>Продажи выросли</h1><div class="news-teaser" itemprop="description">{lead}</div></div><div class="article-text">{Paragraphs}</div>""",
            $"""<meta name="description" content="{lead}">""");

        Assert.StartsWith("Дилеры подвели итоги февраля", page.Body, StringComparison.Ordinal);
        Assert.StartsWith("Дилеры подвели итоги февраля", microdata.Body, StringComparison.Ordinal);
        Assert.Single(System.Text.RegularExpressions.Regex.Matches(repeated.Body, "Дилеры подвели"));
    }

    [Fact]
    public void Parse_RubyAnnotations_LeftOutOfTheText()
    {
        var page = Parse($"""<article><h1>Продажи выросли</h1><p><ruby>子<rp>(</rp><rt>こ</rt><rp>)</rp></ruby>どもへの<ruby>虐待<rt>ぎゃくたい</rt></ruby>をなくすための法律ができました。</p>{Paragraphs}</article>""");

        Assert.Contains("子どもへの虐待をなくすための法律ができました。", page.Body);
    }

    [Fact]
    public void Parse_ArticleInsideAnAside_IsTheBody()
    {
        var page = Parse($"""<aside class="content-column"><section><article><h1>Продажи выросли</h1>{Paragraphs}{MoreParagraphs}</article></section></aside>{SiteWideLinks}""");

        Assert.Contains("Четвёртый абзац", page.Body);
    }

    [Theory]
    [InlineData("Escucha esta nota aquí")]
    [InlineData("Слушать новость")]
    [InlineData("Bild vergrößern")]
    public void Parse_ListenOrEnlargePrompt_IsDropped(string prompt)
    {
        var page = Parse($"""<article><h1>Продажи выросли</h1><div class="tools">{prompt}</div>{Paragraphs}</article>""");

        Assert.DoesNotContain(prompt, page.Body);
        Assert.Contains("Второй абзац", page.Body);
    }

    [Fact]
    public void Parse_SiteNameH1BeforePostH1_TakesThePostTitle()
    {
        var page = Parse(
            $"""<header><h1 class="site-title"><a href="/">Дилерский блог</a></h1></header><article><h1>Подписка вместо кредита</h1>{Paragraphs}</article>""",
            "<title>Подписка вместо кредита – Дилерский блог</title><meta property=\"og:title\" content=\"Подписка вместо кредита\">");

        Assert.Equal("Подписка вместо кредита", page.Title);
    }

    [Fact]
    public void Parse_TitleWithSectionAndSite_KeepsTheHeadline()
    {
        var page = Parse($"<div>{Paragraphs}</div>", "<title>МАЗ увеличил выпуск самосвалов на 20% :: Новости :: Грузовой транспорт</title>");

        Assert.Equal("МАЗ увеличил выпуск самосвалов на 20%", page.Title);
    }

    [Fact]
    public void Parse_SiteNameH1AndPostTitleInPlainH2_TakesTheH2()
    {
        var page = Parse(
            $"""<h1>Дилерский блог</h1><div class="post"><h2>Подписка вместо кредита</h2>{Paragraphs}<h3>Похожие записи</h3></div>""",
            "<title>Дилерский блог » Blog Archive » Подписка вместо кредита</title>");

        Assert.Equal("Подписка вместо кредита", page.Title);
    }

    [Fact]
    public void Parse_HeadlineWithKickerElementAndDateStamp_KeepsOnlyTheHeadline()
    {
        var kicker = Parse($"""<h1><span class="kicker">Рынок</span>: Продажи выросли на 6%</h1>{Paragraphs}""", """<title>Рынок: Продажи выросли на 6% | ABReview</title><meta property="og:title" content="Продажи выросли на 6%">""");
        var stamped = Parse($"""<h1>23.01.2026 - Продажи выросли на 6%</h1>{Paragraphs}""");

        Assert.Equal("Продажи выросли на 6%", kicker.Title);
        Assert.Equal("Продажи выросли на 6%", stamped.Title);
    }

    [Fact]
    public void Parse_StyleSheetInsideTheHeadline_IsNotTitleText()
    {
        var page = Parse("""<h1><style>.css-umyvef{font-size:16px}</style><span class="css-umyvef">Рынок</span> Продажи выросли на 6%</h1>""" + Paragraphs);

        Assert.Equal("Рынок Продажи выросли на 6%", page.Title);
    }

    [Fact]
    public void Parse_TailBlocksAfterTheArticle_CutFromTheBody()
    {
        var page = Parse($"""<article><h1>Продажи выросли</h1>{Paragraphs}<h3>Об авторе</h3><p>Иван Петров пишет о рынке автомобилей с 2010 года.</p><h4>Теги:</h4><p>рынок, продажи</p></article>""");

        Assert.Contains("Первый абзац новости", page.Body, StringComparison.Ordinal);
        Assert.DoesNotContain("Иван Петров", page.Body, StringComparison.Ordinal);
        Assert.DoesNotContain("рынок, продажи", page.Body, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_CommentThreadLongerThanTheArticle_IsNotTheBody()
    {
        var comment = "<li class=\"comment\"><p>Читатель пишет длинный комментарий, в котором много слов, запятых, рассуждений и мнений о рынке, ценах и дилерах.</p></li>";
        var page = Parse($"""<div class="news"><h1>Продажи выросли</h1>{Paragraphs}</div><div class="comments-list"><ul>{string.Concat(Enumerable.Repeat(comment, 12))}</ul></div>""");

        Assert.Contains("Первый абзац новости", page.Body, StringComparison.Ordinal);
        Assert.DoesNotContain("Читатель пишет", page.Body, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_LonePictureCaption_OutOfBodyTextButInBodyHtml()
    {
        var page = Parse($"""<article><h1>Продажи выросли</h1>{Paragraphs}<figure><img src="/a.jpg" alt=""><figcaption>Lada Vesta. Фото: пресс-служба</figcaption></figure></article>""");

        Assert.DoesNotContain("пресс-служба", page.Body, StringComparison.Ordinal);
        Assert.Contains("пресс-служба", page.BodyHtml, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_TwoPicturesBetweenParagraphs_CaptionsStayOutOfTheText()
    {
        var page = Parse($"""<article><h1>Продажи выросли</h1>{Paragraphs}<figure><img src="/a.jpg" alt=""><figcaption>Lada Vesta. Фото: пресс-служба</figcaption></figure><p>Третий абзац: спрос на кроссоверы держится, а седаны уступают, хотя скидки растут.</p><figure><img src="/b.jpg" alt=""><figcaption>Haval Jolion. Фото: дилер</figcaption></figure><p>Четвёртый абзац: импортёры ждут новых поставок к лету.</p></article>""");
        var gallery = Parse($"""<article><h1>Фоторепортаж с выставки</h1><p>Кратко о выставке.</p><div class="gallery"><figure><img src="/a.jpg"><figcaption>Стенд Lada с новой Vesta и кроссовером Niva Travel</figcaption></figure><figure><img src="/b.jpg"><figcaption>Стенд Haval с обновлённым Jolion и пикапом Poer</figcaption></figure></div>{Paragraphs}</article>""");

        Assert.DoesNotContain("пресс-служба", page.Body, StringComparison.Ordinal);
        Assert.DoesNotContain("Фото: дилер", page.Body, StringComparison.Ordinal);
        Assert.Contains("Стенд Haval", gallery.Body, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_H1RunsOnPastTheSharedTitle_TheFullerH1Wins()
    {
        var page = Parse(
            $"""<h1>Haval расширит завод в Тульской области до 300 тыс. машин</h1>{Paragraphs}<div class="slider"><h3 class="entry-title">Haval расширит завод в Тульской области</h3></div>""",
            """<title>Haval расширит завод в Тульской области - ABReview</title><script type="application/ld+json">{"@type":"NewsArticle","headline":"Haval расширит завод в Тульской области"}</script>""");

        Assert.Equal("Haval расширит завод в Тульской области до 300 тыс. машин", page.Title);
    }

    [Theory]
    [InlineData("Haval расширит завод в Тульской области: мощность вырастет вдвое")]
    [InlineData("\"Нам нужен рынок\": Haval расширит завод в Тульской области")]
    public void Parse_H1WithSubtitleOrQuotedLeadAroundTheSharedTitle_TheH1Wins(string h1)
    {
        var page = Parse(
            $"""<h1 class="entry-title">{h1}</h1>{Paragraphs}<h2 class="recipe-name">Тульской области</h2>""",
            "<title>Haval расширит завод в Тульской области | ABReview</title>");
        var kicker = Parse($"<h1>Рынок: Haval расширит завод в Тульской области</h1>{Paragraphs}", "<title>Haval расширит завод в Тульской области | ABReview</title>");

        Assert.Equal(h1, page.Title);
        Assert.Equal("Haval расширит завод в Тульской области", kicker.Title);
    }

    [Fact]
    public void Parse_DayBadgeInsideThePostHeading_IsNotTitleText()
    {
        var badged = Parse(
            $"""<h1>Дилерский блог</h1><div class="post"><h2>Мар 11 Продажи выросли на 6% в феврале</h2>{Paragraphs}</div>""",
            """<title>Дилерский блог</title><meta property="og:title" content="Продажи выросли на 6% в феврале">""");
        var dated = Parse(
            $"""<div class="post"><h1>Jan 6 committee hearings resume</h1>{Paragraphs}</div>""",
            """<title>Jan 6 committee hearings resume</title><meta property="og:title" content="Jan 6 committee hearings resume">""");

        Assert.Equal("Продажи выросли на 6% в феврале", badged.Title);
        Assert.Equal("Jan 6 committee hearings resume", dated.Title);
    }

    [Fact]
    public void Parse_H1WithKickerBeforeTheTitleAndASectionOgTitle_TakesTheTitle()
    {
        var page = Parse(
            $"""<h1><span class="css-umyvef">Пресс-релиз дилерской ассоциации <span class="css-1ftw2zb">:</span></span>Продажи выросли на 6% в феврале</h1>{Paragraphs}""",
            """<title>Продажи выросли на 6% в феврале</title><meta property="og:title" content="Пресс-релизы">""");

        Assert.Equal("Продажи выросли на 6% в феврале", page.Title);
    }

    [Theory]
    [InlineData("武汉的声音：有英勇的你，才有英雄的城！-新华网", "武汉的声音：有英勇的你，才有英雄的城！")]
    [InlineData("NEWS WEB EASY|子どもへの体罰を禁止する法律ができる", "子どもへの体罰を禁止する法律ができる")]
    [InlineData("蔡健雅_百度百科", "蔡健雅_百度百科")]
    [InlineData("Lada-Vesta снова в продаже – ABReview", "Lada-Vesta снова в продаже")]
    public void Parse_SiteNameJoinedWithoutSpacesInCjkTitle_IsDropped(string titleTag, string expected)
    {
        var page = Parse($"<div>{Paragraphs}</div>", $"<title>{titleTag}</title>");

        Assert.Equal(expected, page.Title);
    }

    [Fact]
    public void Parse_HeadingsMatchingDifferentTitleSources_OgAndHeadlineOutweighTitleTag()
    {
        var named = Parse(
            $"""<h1>Продажи выросли: «Мы ждали этого»</h1><h2>«Мы ждали этого»: продажи выросли</h2>{Paragraphs}""",
            """<title>Продажи выросли: «Мы ждали этого»</title><meta property="og:title" content="&quot;Мы ждали этого&quot;: продажи выросли">""");
        var fuller = Parse(
            $"""<h1>Новости</h1><h1>Минпромторг продлил утильсбор</h1>{Paragraphs}""",
            "<title>Портал - Новости - Минпромторг продлил утильсбор</title>");

        Assert.Equal("«Мы ждали этого»: продажи выросли", named.Title);
        Assert.Equal("Минпромторг продлил утильсбор", fuller.Title);
    }

    [Fact]
    public void Parse_JsonLdWithHtmlEscapedValues_IsDecoded()
    {
        var page = Parse(
            $"<div>{Paragraphs}</div>",
            """<script type="application/ld+json">{"@type":"NewsArticle","headline":"&#8222;Rekord&#8220; bei Neuzulassungen","description":"Zur&#252;ck","author":{"@type":"Person","name":"J&#252;rgen M&#252;ller"}}</script>""");

        Assert.Equal("„Rekord“ bei Neuzulassungen", page.Title);
        Assert.Equal("Zurück", page.Lead);
        Assert.Contains("Jürgen Müller", page.Authors);
    }

    [Fact]
    public void Parse_AppealToSubscribeAtTheEnd_CutFromTheBody()
    {
        var page = Parse($"""<article><h1>Продажи выросли</h1>{Paragraphs}{Paragraphs}{Paragraphs}<p>Чтобы не пропустить главное, подписывайтесь на наш Telegram-канал.</p><p>Партнёрские материалы</p></article>""");

        Assert.Contains("Первый абзац новости", page.Body, StringComparison.Ordinal);
        Assert.DoesNotContain("Telegram", page.Body, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("For the latest stories and breaking news updates download the Nationnews apps for iOS and Android.")]
    [InlineData("Follow The Gleaner on Twitter and Instagram @JamaicaGleaner.")]
    [InlineData("¿Ya sabías que tenemos canal de Telegram? Únete desde tu celular.")]
    [InlineData("HAZTE MIEMBRO Y DISFRUTA DE BENEFICIOS EXCLUSIVOS")]
    [InlineData("Zapraszamy też do subskrypcji naszego tygodnika.")]
    [InlineData("We want to hear what you think about this article. Submit a letter to the editor.")]
    public void Parse_AppealToDownloadFollowOrJoinAtTheEnd_CutFromTheBody(string appeal)
    {
        var page = Parse($"""<article><h1>Продажи выросли</h1>{Paragraphs}{Paragraphs}{Paragraphs}<p>{appeal}</p><p>Партнёрские материалы</p></article>""");
        var midSentence = Parse($"""<article><h1>Продажи выросли</h1>{Paragraphs}{Paragraphs}{Paragraphs}<p>Многие дилеры теперь follow the ministry on Twitter.</p></article>""");

        Assert.Contains("Первый абзац новости", page.Body, StringComparison.Ordinal);
        Assert.DoesNotContain(appeal, page.Body, StringComparison.Ordinal);
        Assert.Contains("follow the ministry", midSentence.Body, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_OgTitleCutByAnUnescapedQuote_TitleTagWins()
    {
        var page = Parse($"<div>{Paragraphs}</div>", """<title>Минпромторг назвал утильсбор "временной мерой"</title><meta property="og:title" content="Минпромторг назвал утильсбор "временной мерой"">""");

        Assert.Equal("Минпромторг назвал утильсбор \"временной мерой\"", page.Title);
    }

    [Fact]
    public void Parse_WordPressPostWithTagClasses_KeepsTheBody()
    {
        // WordPress puts tag-* and category-* classes on the post's own wrapper.
        var page = Parse($"""<article class="post-5 post type-post hentry tag-sales category-news"><h1>Продажи</h1><div class="entry-content">{Paragraphs}</div></article>""");

        Assert.Contains("Первый абзац новости", page.Body, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_LeadBlockBeforeDetailText_KeepsTheLeadFirst()
    {
        var page = Parse($"""<div class="news-detail"><h1>Заголовок</h1><div class="news-preview-text">Лид новости одной строкой о главном.</div><div class="news-detail-text">{Paragraphs}</div></div>""");

        Assert.StartsWith("Лид новости одной строкой о главном.", page.Body, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_CommentsHeadingInsideBody_EndsTheBody()
    {
        var page = Parse($"""<div class="entry-content">{Paragraphs}<h3>Комментарии (2)</h3><p>Первый комментарий читателя, довольно длинный, с мнением о ценах и дилерах.</p></div>""");

        Assert.Contains("Второй абзац", page.Body, StringComparison.Ordinal);
        Assert.DoesNotContain("комментарий читателя", page.Body, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_ListAndTable_OneItemOrRowPerLine()
    {
        var page = Parse($"""<div class="article-text">{Paragraphs}<ul><li>Lada — 29 114</li><li>Haval — 10 802</li></ul><table><tr><td>Chery</td><td>8 945</td></tr><tr><td>Geely</td><td>7 310</td></tr></table></div>""");

        Assert.Contains("Lada — 29 114\nHaval — 10 802", page.Body, StringComparison.Ordinal);
        Assert.Contains("Chery 8 945\nGeely 7 310", page.Body, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_AdLabelCreditAndReadAlsoLine_AreDropped()
    {
        var page = Parse($"""<div class="article-text">{Paragraphs}<div>Реклама</div><p>Фото: пресс-служба</p><p>Читайте также: <a href="/x/">Другая новость про рынок</a></p></div>""");

        Assert.DoesNotContain("Реклама", page.Body, StringComparison.Ordinal);
        Assert.DoesNotContain("Фото:", page.Body, StringComparison.Ordinal);
        Assert.DoesNotContain("Читайте также", page.Body, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_ArticleWithPaginatedSidebar_IsAnArticle()
    {
        var teasers = string.Join("", Enumerable.Range(1, 5).Select(i => $"<li><a href=\"/news/{i}/\">Другая новость номер {i} о продажах машин</a></li>"));
        var text = string.Concat(Enumerable.Repeat(Paragraphs, 3));
        var page = Parse($"""<div class="article-text"><h1>Новость</h1>{text}</div><div class="col"><ul>{teasers}</ul><a href="/news/?PAGEN_1=2">След.</a></div>""");

        Assert.Equal(PageKind.Article, page.Kind);
    }
}
