using System.Globalization;
using System.Text;

namespace NewsArchive.Tests.TestSite;

/// <summary>Renders the test site's HTML pages in the style of a 1C-Bitrix news site (abreview.ru).</summary>
internal static class TestSiteHtml
{
    private const string Utf8Meta = "<meta charset=\"utf-8\">";
    private const string Windows1251Meta = "<meta http-equiv=\"Content-Type\" content=\"text/html; charset=windows-1251\">";
    private const int SidebarItemCount = 5;

    /// <summary>The header's login box ("Вход на сайт"), as every page carries it: chrome.</summary>
    public const string LoginBox = """
        	<div class="auth-box">
        		<div class="auth-box-title">Вход на сайт</div>
        		<form name="system_auth_form6zOYVN" method="post" target="_top" action="/auth/?login=yes">
        			<input type="hidden" name="AUTH_FORM" value="Y">
        			<input type="hidden" name="TYPE" value="AUTH">
        			<label for="USER_LOGIN">Логин</label> <input type="text" id="USER_LOGIN" name="USER_LOGIN" maxlength="50" value="" size="17">
        			<label for="USER_PASSWORD">Пароль</label> <input type="password" id="USER_PASSWORD" name="USER_PASSWORD" maxlength="50" size="17" autocomplete="off">
        			<label><input type="checkbox" name="USER_REMEMBER" value="Y"> Запомнить меня</label>
        			<button type="submit" name="Login">Войти</button>
        		</form>
        		<a href="/auth/?forgot_password=yes" rel="nofollow">Забыли пароль?</a>
        		<a href="/auth/?register=yes" rel="nofollow">Регистрация</a>
        	</div>
        """;

    /// <summary>The newsletter form ("Рассылка"), as every page carries it: chrome.</summary>
    public const string NewsletterBox = """
        <div class="subscribe-box">
        	<div class="subscribe-box-title">Рассылка</div>
        	<form action="/subscribe/" method="post">
        		<label for="sf_EMAIL">Ваш e-mail</label> <input type="email" id="sf_EMAIL" name="sf_EMAIL" size="20" value="">
        		<button type="submit" name="OK">Подписаться на рассылку</button>
        	</form>
        </div>
        """;

    /// <summary>The prompt closing the comments of every article page: chrome.</summary>
    public const string CommentPrompt = "<p class=\"comments-auth-note\">Чтобы оставлять комментарии, необходимо авторизоваться на сайте</p>";

    /// <summary>Escapes text for an HTML text node or a double-quoted attribute; leaves non-ASCII as is.</summary>
    public static string Encode(string text) => text
        .Replace("&", "&amp;", StringComparison.Ordinal)
        .Replace("<", "&lt;", StringComparison.Ordinal)
        .Replace(">", "&gt;", StringComparison.Ordinal)
        .Replace("\"", "&quot;", StringComparison.Ordinal);

    public static string ArticlePage(TestArticle article, TestSiteSnapshot site)
    {
        var head = new StringBuilder();
        head.Append(CultureInfo.InvariantCulture, $"<meta name=\"description\" content=\"{Encode(article.Lead)}\">\n");
        head.Append(CultureInfo.InvariantCulture, $"<meta name=\"keywords\" content=\"{Encode(string.Join(", ", article.Tags))}\">\n");
        head.Append(CultureInfo.InvariantCulture, $"<meta property=\"og:type\" content=\"article\">\n");
        head.Append(CultureInfo.InvariantCulture, $"<meta property=\"og:title\" content=\"{Encode(article.Title)}\">\n");
        head.Append(CultureInfo.InvariantCulture, $"<meta property=\"og:url\" content=\"{site.Absolute(article.Path)}\">\n");
        head.Append(CultureInfo.InvariantCulture, $"<meta property=\"og:image\" content=\"{site.Absolute(article.ImagePath)}\">\n");
        if (article.HasPublishedTimeMeta)
        {
            head.Append(CultureInfo.InvariantCulture, $"<meta property=\"article:published_time\" content=\"{TestSiteDates.Iso(article.Published)}\">\n");
        }

        if (article.HasPublishedTimeMeta && article.Updated is { } updated)
        {
            head.Append(CultureInfo.InvariantCulture, $"<meta property=\"article:modified_time\" content=\"{TestSiteDates.Iso(updated)}\">\n");
        }

        head.Append(CultureInfo.InvariantCulture, $"<link rel=\"canonical\" href=\"{site.Absolute(article.Path)}\">\n");

        var main = new StringBuilder();
        main.Append(CultureInfo.InvariantCulture, $"""
            <div class="breadcrumbs" itemscope itemtype="http://schema.org/BreadcrumbList"><a href="/" title="Главная">Главная</a> <span class="bx-breadcrumb-sep">/</span> <a href="{TestSiteCatalog.ListingPath}" title="Новости">Новости</a> <span class="bx-breadcrumb-sep">/</span> <span>{Encode(article.Section)}</span></div>
            <div class="news-detail" id="bx_3218110189_{article.Id}">
            <h1>{Encode(article.Title)}</h1>
            <div class="news-info">
            	<span class="news-date-time">{Encode(article.VisibleDate)}</span>
            	<span class="news-author">Автор: {Encode(article.Author)}</span>
            </div>
            <div class="news-preview-text"><b>{Encode(article.Lead)}</b></div>
            <div class="news-detail-text">

            """);
        AppendBody(main, article);
        main.Append(CultureInfo.InvariantCulture, $"""
            </div>
            <div class="detail-picture">
            	<img class="detail_picture" src="{article.ImagePath}" width="800" height="450" alt="{Encode(article.Title)}" title="{Encode(article.Title)}">
            	<div class="detail-picture-caption">{Encode(article.ImageCaption)}</div>
            </div>
            <div class="news-tags">Теги: {string.Join(", ", article.Tags.Select(t => $"<span class=\"news-tag\">{Encode(t)}</span>"))}</div>
            <div class="news-counters">
            	<span class="news-views" title="Просмотры"><i class="icon icon-eye"></i> {article.Views}</span>
            	<span class="news-comments-count" title="Комментарии"><i class="icon icon-comment"></i> {article.Comments}</span>
            </div>
            <div class="share-block">Поделиться: <a href="#" data-service="vkontakte" rel="nofollow">ВКонтакте</a> <a href="#" data-service="telegram" rel="nofollow">Telegram</a> <a href="#" data-service="odnoklassniki" rel="nofollow">Одноклассники</a></div>
            </div>

            """);
        AppendRelated(main, article, site);
        AppendComments(main, article);
        main.Append("<div class=\"news-back-link\"><a href=\"").Append(TestSiteCatalog.ListingPath).Append("\">Возврат к списку</a></div>\n");

        var charsetMeta = article.Encoding == "windows-1251" ? Windows1251Meta : Utf8Meta;
        return Page(site, article.Title, charsetMeta, head.ToString(), main.ToString());
    }

    public static string ListingPage(int requestedPage, TestSiteSnapshot site)
    {
        var page = site.ClampPage(requestedPage);
        var items = site.ListingPage(page);
        var head = new StringBuilder();
        head.Append(CultureInfo.InvariantCulture, $"<link rel=\"canonical\" href=\"{site.Absolute(TestSiteCatalog.ListingPagePath(page))}\">\n");
        if (page > 1)
        {
            head.Append(CultureInfo.InvariantCulture, $"<link rel=\"prev\" href=\"{TestSiteCatalog.ListingPagePath(page - 1)}\">\n");
        }

        if (page < site.ListingPageCount)
        {
            head.Append(CultureInfo.InvariantCulture, $"<link rel=\"next\" href=\"{TestSiteCatalog.ListingPagePath(page + 1)}\">\n");
        }

        var main = new StringBuilder();
        main.Append("<div class=\"breadcrumbs\"><a href=\"/\" title=\"Главная\">Главная</a> <span class=\"bx-breadcrumb-sep\">/</span> <span>Новости</span></div>\n");
        main.Append("<h1>Новости</h1>\n<div class=\"news-list\">\n");
        var firstIndex = (page - 1) * TestSiteCatalog.ListingPageSize;
        for (var i = 0; i < items.Count; i++)
        {
            var article = items[i];
            var href = (firstIndex + i) % 3 == 1 ? article.Path + TestSiteCatalog.ListingTrackingQuery : article.Path;
            main.Append(CultureInfo.InvariantCulture, $"""
                <div class="news-item" id="bx_651765591_{article.Id}">
                	<a href="{href}"><img class="preview_picture" src="{article.ImagePath}" width="200" height="113" alt="{Encode(article.Title)}"></a>
                	<span class="news-date-time">{TestSiteDates.NumericDate(article.Published)}</span>
                	<a class="news-item-title" href="{href}"><b>{Encode(article.Title)}</b></a><br>
                	<div class="news-item-preview">{Encode(article.Lead)}</div>
                	<div style="clear:both"></div>
                </div>

                """);
        }

        main.Append("</div>\n");
        AppendPagination(main, page, site.ListingPageCount);
        var title = page == 1 ? "Новости" : $"Новости (страница {page})";
        return Page(site, title, Utf8Meta, head.ToString(), main.ToString());
    }

    /// <summary>
    /// A second listing (<see cref="TestSiteCatalog.LentaPath"/>): pagination by <c>page/N/</c> paths and a "Далее" link,
    /// with no rel=next anywhere and no link class naming "next".
    /// </summary>
    public static string LentaPage(int requestedPage, TestSiteSnapshot site)
    {
        var page = site.ClampPage(requestedPage);
        var main = new StringBuilder();
        main.Append("<h1>Лента новостей</h1>\n<ul class=\"lenta\">\n");
        foreach (var article in site.ListingPage(page))
        {
            main.Append(CultureInfo.InvariantCulture, $"<li><span class=\"date\">{TestSiteDates.NumericDate(article.Published)}</span> <a href=\"{article.Path}\">{Encode(article.Title)}</a></li>\n");
        }

        main.Append("</ul>\n<div class=\"pages\">");
        if (page < site.ListingPageCount)
        {
            main.Append(CultureInfo.InvariantCulture, $"<a href=\"{TestSiteCatalog.LentaPath}page/{page + 1}/\">Далее</a>");
        }

        main.Append("</div>\n");
        return Page(site, page == 1 ? "Лента" : $"Лента (страница {page})", Utf8Meta, string.Empty, main.ToString());
    }

    /// <summary>What a JavaScript-only front end serves: an empty mount point and a script bundle that would write the text.</summary>
    public static string JsShellPage(TestArticle article)
    {
        var bundle = new StringBuilder();
        for (var i = 0; i < 40; i++)
        {
            bundle.Append(CultureInfo.InvariantCulture, $"function m{i}(e,t){{return e&&t?e.map(function(n){{return n.id+t}}):[]}}window.__m{i}=m{i};");
        }

        var state = "{\"route\":\"" + article.Path + "\",\"id\":" + article.Id.ToString(CultureInfo.InvariantCulture) + "}";
        return $"""
            <!DOCTYPE html>
            <html lang="ru"><head><meta charset="utf-8"><title>{Encode(article.Title)}{TestSiteCatalog.TitleSuffix}</title>
            <script>window.__INITIAL_STATE__={state};</script>
            <script>{bundle}</script>
            </head><body><div id="root"></div>
            <noscript>Please enable JavaScript to view this site.</noscript>
            <script src="/static/js/main.4f2a9c.js"></script>
            </body></html>
            """;
    }

    public static string HomePage(TestSiteSnapshot site)
    {
        var main = new StringBuilder();
        main.Append("<h1>Новости автомобильного бизнеса</h1>\n<div class=\"main-news\">\n");
        foreach (var article in site.Listed.Take(TestSiteCatalog.ListingPageSize))
        {
            main.Append(CultureInfo.InvariantCulture, $"""
                <div class="main-news-item"><span class="news-date-time">{TestSiteDates.NumericDate(article.Published)}</span> <a href="{article.Path}">{Encode(article.Title)}</a><p>{Encode(article.Lead)}</p></div>

                """);
        }

        main.Append(CultureInfo.InvariantCulture, $"</div>\n<div class=\"all-news\"><a href=\"{TestSiteCatalog.ListingPath}\">Все новости</a></div>\n");
        return Page(site, "Новости автомобильного бизнеса", Utf8Meta, string.Empty, main.ToString());
    }

    /// <summary>A page with the full chrome and a short text (menu sections, the private area, the login page).</summary>
    public static string SimplePage(TestSiteSnapshot site, string title, string text)
    {
        var main = $"""
            <div class="breadcrumbs"><a href="/" title="Главная">Главная</a> <span class="bx-breadcrumb-sep">/</span> <span>{Encode(title)}</span></div>
            <h1>{Encode(title)}</h1>
            <div class="content-text"><p>{Encode(text)}</p></div>

            """;
        return Page(site, title, Utf8Meta, string.Empty, main);
    }

    public static string NotFoundPage(TestSiteSnapshot site) =>
        SimplePage(site, "404 Not Found", "Запрашиваемая страница не найдена. Возможно, она была удалена или перемещена.");

    public static string ErrorPage() =>
        "<!DOCTYPE html>\n<html><head><meta charset=\"utf-8\"><title>500 Internal Server Error</title></head>\n"
        + "<body><h1>Internal Server Error</h1><p>DB query error. Please try later.</p></body></html>\n";

    /// <summary>
    /// <see cref="TestSiteCatalog.BrokenArticle"/> with mildly broken markup: unquoted attributes, a head
    /// that is never closed, unclosed <c>&lt;p&gt;</c> and <c>&lt;div&gt;</c>, mis-nested inline tags, a stray
    /// end tag, an unclosed <c>&lt;b&gt;</c>, a raw ampersand and no <c>&lt;/body&gt;&lt;/html&gt;</c>; the body
    /// div itself is closed, so the sidebar and footer stay outside it.
    /// </summary>
    public static string BrokenPage(TestSiteSnapshot site)
    {
        var article = TestSiteCatalog.BrokenArticle;
        var b = new StringBuilder();
        b.Append("<!DOCTYPE html>\n<html lang=ru>\n<head>\n<meta charset=utf-8>\n");
        b.Append(CultureInfo.InvariantCulture, $"<title>{Encode(article.Title)}{TestSiteCatalog.TitleSuffix}</title>\n");
        b.Append("<link rel=alternate type=application/rss+xml href=/rss/>\n");
        b.Append("<body class=news-page>\n");
        b.Append("<div class=header><div class=logo><a href=/>ABReview</a></div>\n");
        b.Append(CultureInfo.InvariantCulture, $"<ul class=menu><li><a href={TestSiteCatalog.ListingPath}>Новости</a><li><a href=/ab/analytics/>Аналитика</a><li><a href=/contacts/>Контакты</a></ul>\n");
        b.Append("<div class=\"news-detail\">\n");
        b.Append(CultureInfo.InvariantCulture, $"<h1>{Encode(article.Title)}</h1>\n");
        b.Append(CultureInfo.InvariantCulture, $"<span class=news-date-time>{Encode(article.VisibleDate)}</span></span>\n");
        b.Append(CultureInfo.InvariantCulture, $"<div class=news-preview-text><b>{Encode(article.Lead)}</div>\n");
        b.Append("<div class=news-detail-text>\n");
        for (var i = 0; i < article.BodyParagraphs.Count; i++)
        {
            var text = Encode(article.BodyParagraphs[i]);
            b.Append(i == 1 ? $"<p><i>{text}</p></i>\n" : $"<p>{text}\n");
        }

        b.Append(CultureInfo.InvariantCulture, $"<div class=news-counters><span class=news-views>{article.Views}</span><span class=news-comments-count>{article.Comments}</span></div>\n</div>\n");
        b.Append("<div class=sidebar><div class=sidebar-title>Популярное</div><ul>\n");
        foreach (var other in site.Articles.Take(3))
        {
            b.Append(CultureInfo.InvariantCulture, $"<li><a href={other.Path}>{Encode(other.Title)}</a>\n");
        }

        b.Append("</ul>\n<div class=footer>© 2008–2026 ABReview & партнёры. Все права защищены.\n");
        return b.ToString();
    }

    private static void AppendBody(StringBuilder main, TestArticle article)
    {
        var pending = article.BodyLinks.ToList();
        var paragraphs = article.BodyParagraphs.Select(p => Linkify(p, pending)).ToList();
        if (article.BodyLayout == TestBodyLayout.LineBreaks)
        {
            main.Append(string.Join("<br />\r\n<br />\r\n", paragraphs)).Append('\n');
            return;
        }

        foreach (var paragraph in paragraphs)
        {
            main.Append("<p style=\"text-align: justify;\">").Append(paragraph).Append("</p>\n");
        }
    }

    /// <summary>Encodes a paragraph, turning the first occurrence of each pending link's text into a link.</summary>
    private static string Linkify(string paragraph, List<TestBodyLink> pending)
    {
        var found = new List<(int Start, TestBodyLink Link)>();
        foreach (var link in pending.ToList())
        {
            var start = paragraph.IndexOf(link.Text, StringComparison.Ordinal);
            if (start >= 0 && found.All(f => start >= f.Start + f.Link.Text.Length || start + link.Text.Length <= f.Start))
            {
                found.Add((start, link));
                pending.Remove(link);
            }
        }

        var b = new StringBuilder();
        var position = 0;
        foreach (var (start, link) in found.OrderBy(f => f.Start))
        {
            b.Append(Encode(paragraph[position..start]));
            var external = link.Href.StartsWith("http", StringComparison.OrdinalIgnoreCase) ? " target=\"_blank\"" : string.Empty;
            b.Append(CultureInfo.InvariantCulture, $"<a href=\"{Encode(link.Href)}\"{external}>{Encode(link.Text)}</a>");
            position = start + link.Text.Length;
        }

        b.Append(Encode(paragraph[position..]));
        return b.ToString();
    }

    private static void AppendRelated(StringBuilder main, TestArticle article, TestSiteSnapshot site)
    {
        var related = article.RelatedPaths.Select(site.Find).OfType<TestArticle>().ToList();
        if (related.Count == 0)
        {
            return;
        }

        main.Append("<div class=\"news-related\">\n<div class=\"news-related-title\">Новости по теме:</div>\n<ul class=\"news-related-list\">\n");
        foreach (var other in related)
        {
            main.Append(CultureInfo.InvariantCulture, $"\t<li><span class=\"news-date-time\">{TestSiteDates.NumericDate(other.Published)}</span> <a href=\"{other.Path}\">{Encode(other.Title)}</a></li>\n");
        }

        main.Append("</ul>\n</div>\n");
    }

    private static void AppendComments(StringBuilder main, TestArticle article)
    {
        main.Append(CultureInfo.InvariantCulture, $"<div class=\"news-comments\" id=\"comments\">\n<div class=\"news-comments-title\">Комментарии ({article.Comments})</div>\n");
        for (var i = 0; i < article.Comments; i++)
        {
            var index = i % TestSiteCatalog.CommentTexts.Count;
            var at = article.Published.AddMinutes(4 * (i + 1));
            main.Append(CultureInfo.InvariantCulture, $"""
                <div class="comment" id="comment_{article.Id}_{i + 1}">
                	<span class="comment-author">{Encode(TestSiteCatalog.CommentAuthors[index])}</span> <span class="comment-date">{TestSiteDates.NumericDate(at)} {TestSiteDates.Time(at)}</span>
                	<div class="comment-text">{Encode(TestSiteCatalog.CommentTexts[index])}</div>
                </div>

                """);
        }

        main.Append(CommentPrompt).Append("\n</div>\n");
    }

    private static void AppendPagination(StringBuilder main, int page, int pageCount)
    {
        main.Append("<div class=\"modern-page-navigation\">\n\t<span class=\"modern-page-title\">Страницы:</span>\n");
        if (page > 1)
        {
            main.Append(CultureInfo.InvariantCulture, $"\t<a class=\"modern-page-previous\" href=\"{TestSiteCatalog.ListingPagePath(page - 1)}\">Пред.</a>\n");
        }

        for (var p = 1; p <= pageCount; p++)
        {
            if (p == page)
            {
                main.Append(CultureInfo.InvariantCulture, $"\t<span class=\"modern-page-current\">{p}</span>\n");
            }
            else
            {
                var first = p == 1 ? " modern-page-first" : string.Empty;
                main.Append(CultureInfo.InvariantCulture, $"\t<a class=\"modern-page-link{first}\" href=\"{TestSiteCatalog.ListingPagePath(p)}\">{p}</a>\n");
            }
        }

        if (page < pageCount)
        {
            main.Append(CultureInfo.InvariantCulture, $"\t<a class=\"modern-page-next\" rel=\"next\" href=\"{TestSiteCatalog.ListingPagePath(page + 1)}\">След.</a>\n");
        }

        main.Append("</div>\n");
    }

    private static string Page(TestSiteSnapshot site, string title, string charsetMeta, string extraHead, string main)
    {
        var b = new StringBuilder(32 * 1024);
        b.Append(CultureInfo.InvariantCulture, $$"""
            <!DOCTYPE html>
            <html lang="ru">
            <head>
            {{charsetMeta}}
            <title>{{Encode(title)}}{{TestSiteCatalog.TitleSuffix}}</title>
            <meta name="viewport" content="width=device-width, initial-scale=1">
            {{extraHead}}{{(site.LinkFeed ? $"<link rel=\"alternate\" type=\"application/rss+xml\" title=\"ABReview: лента\" href=\"{TestSiteCatalog.FeedPath}\">" : "")}}
            <link rel="shortcut icon" href="/favicon.ico" type="image/x-icon">
            <link href="/bitrix/cache/css/s1/abreview/template_styles.css?17408817551234" type="text/css" rel="stylesheet">
            <script src="/bitrix/js/main/core/core.min.js?1740881755221"></script>
            <script>BX.message({'LANGUAGE_ID':'ru','FORMAT_DATE':'DD.MM.YYYY','SITE_ID':'s1','bitrix_sessid':'5f2c9e0d7a1b4c3e8f6a2d1b0c9e8f7a'});</script>
            </head>
            <body>
            <div id="panel"></div>
            <div class="page-wrapper">
            <header class="header">
            	<div class="logo"><a href="/"><img src="/bitrix/templates/abreview/images/logo.png" alt="ABReview — автомобильный бизнес" width="220" height="60"></a></div>
            	<nav class="top-menu">
            		<ul class="menu">
            			<li class="selected"><a href="{{TestSiteCatalog.ListingPath}}">Новости</a></li>
            			<li><a href="/ab/analytics/">Аналитика</a></li>
            			<li><a href="/ab/ratings/">Рейтинги</a></li>
            			<li><a href="/ab/events/">Мероприятия</a></li>
            			<li><a href="/contacts/">Контакты</a></li>
            		</ul>
            	</nav>
            {{LoginBox}}
            </header>
            {{NewsletterBox}}
            <div class="main-wrap">
            <main class="content">

            """);
        b.Append(main);
        b.Append("</main>\n");
        AppendSidebar(b, site);
        b.Append("""
            </div>
            <footer class="footer">
            	<div class="copyright">© 2008–2026 ABReview. Все права защищены.</div>
            	<div class="footer-note">Использование материалов сайта возможно только с письменного разрешения редакции.</div>
            	<div class="footer-contacts">Адрес редакции: 125040, Москва, ул. Правды, д. 24, стр. 2. Тел.: +7 (495) 123-45-67. E-mail: <a href="mailto:info@abreview.ru">info@abreview.ru</a></div>
            	<div class="footer-adv"><a href="/contacts/#adv">Реклама на сайте</a></div>
            	<div class="counters">
            		<!--LiveInternet counter--><a href="#" target="_blank" rel="nofollow"><img src="/upload/counters/li.png" title="LiveInternet: показано число просмотров за 24 часа, посетителей за 24 часа и за сегодня" alt="" width="88" height="31"></a><span class="counter-label">LiveInternet</span><!--/LiveInternet-->
            		<!-- Yandex.Metrika counter --><script>(function(m,e,t,r,i,k,a){m[i]=m[i]||function(){(m[i].a=m[i].a||[]).push(arguments)};m[i].l=1*new Date();})(window,document,"script","/metrika/tag.js","ym");ym(12345678,"init",{clickmap:true,trackLinks:true});</script><!-- /Yandex.Metrika counter -->
            	</div>
            </footer>
            </div>
            </body>
            </html>

            """);
        return b.ToString();
    }

    private static void AppendSidebar(StringBuilder b, TestSiteSnapshot site)
    {
        b.Append("<aside class=\"sidebar\">\n<div class=\"sidebar-block news-today\">\n<div class=\"sidebar-title\">Новости за сегодня:</div>\n<ul>\n");
        foreach (var article in site.Listed.Take(SidebarItemCount))
        {
            b.Append(CultureInfo.InvariantCulture, $"\t<li><span class=\"news-time\">{TestSiteDates.Time(article.Published)}</span> <a href=\"{article.Path}\">{Encode(article.Title)}</a></li>\n");
        }

        b.Append("</ul>\n</div>\n<div class=\"sidebar-block popular\">\n<div class=\"sidebar-title\">Популярное</div>\n<ol>\n");
        var popular = site.Listed.OrderByDescending(a => a.Views).ThenByDescending(a => a.Published).Take(SidebarItemCount);
        foreach (var article in popular)
        {
            b.Append(CultureInfo.InvariantCulture, $"\t<li><a href=\"{site.Absolute(article.Path)}\">{Encode(article.Title)}</a></li>\n");
        }

        b.Append("</ol>\n</div>\n<div class=\"sidebar-banner banner-240x400\"><a href=\"#\" rel=\"nofollow\"><img src=\"/upload/rk/banner-240x400.png\" width=\"240\" height=\"400\" alt=\"\"></a><span class=\"adv-label\">Реклама</span></div>\n</aside>\n");
    }
}
