// Delay Desk's own wording of every kind of notice, the reason and the make-good, in each language
// it writes (English lives in notice-kinds.ts). A shop that has not written a language's wording
// yet sends these. Each keeps the fields its kind must carry (notice-kinds.ts, KIND_REQUIRED); the
// test beside it checks that, so a translation can never drop the date or the reason.
import type { CustomerLanguage } from "../locale/language";
import {
  DEFAULT_MAKE_GOOD,
  DEFAULT_REASON,
  DEFAULT_WORDINGS,
  type NoticeKind,
  type Wording,
} from "./notice-kinds";

export interface LanguageDefaults {
  wordings: Record<NoticeKind, Wording>;
  reason: string;
  makeGood: string;
}

const paragraphs = (...lines: string[]) => lines.join("\n\n");

const fr: LanguageDefaults = {
  reason:
    "Vous avez été bien plus nombreux à commander cette saison que notre petit atelier ne peut en fabriquer à la fois, et nous ne voulons pas bâcler le travail.",
  makeGood:
    "Pour nous faire pardonner, nous passons votre livraison en express, sans frais pour vous.",
  wordings: {
    first: {
      subject: "Des nouvelles de votre commande {{order_name}}",
      body: paragraphs(
        "Bonjour {{first_name}},",
        "Je vous écris au sujet de votre commande {{order_name}} ({{items}}). Elle prend plus de temps que prévu, et je préfère vous le dire maintenant plutôt que de vous laisser dans l’attente.",
        "{{reason}}",
        "Nous prévoyons désormais de l’expédier {{estimate}}. C’est une estimation prudente : nous ferons très probablement mieux, et je vous écrirai si quoi que ce soit change.",
        "Si vous préférez ne pas attendre, aucun problème : un simple clic ci-dessous annule la commande et vous rembourse intégralement.",
      ),
    },
    weekly: {
      subject: "Votre commande {{order_name}} suit son cours",
      body: paragraphs(
        "Bonjour {{first_name}},",
        "Un petit mot hebdomadaire sur votre commande {{order_name}} ({{items}}) : elle devrait toujours être expédiée {{estimate}}, comme je vous l’avais indiqué.",
        "Je continuerai à vous écrire chaque semaine jusqu’à ce qu’elle soit en route.",
        "Si finalement vous préférez ne pas attendre, un clic ci-dessous annule la commande et vous rembourse intégralement.",
      ),
    },
    later: {
      subject: "Une nouvelle date pour votre commande {{order_name}}, avec toutes nos excuses",
      body: paragraphs(
        "Bonjour {{first_name}},",
        "La dernière fois, je vous avais annoncé que votre commande {{order_name}} ({{items}}) serait expédiée {{previous_estimate}}. Nous n’y arriverons pas, et c’est de notre faute.",
        "Ce qui s’est passé : {{override_reason}}",
        "Nous prévoyons désormais de l’expédier {{estimate}}.",
        "{{make_good}}",
        "Je comprendrais tout à fait que vous ne souhaitiez pas attendre davantage : un clic ci-dessous annule la commande et vous rembourse intégralement, sans aucune question.",
      ),
    },
    earlier: {
      subject: "Bonne nouvelle pour votre commande {{order_name}}",
      body: paragraphs(
        "Bonjour {{first_name}},",
        "Une bonne nouvelle : votre commande {{order_name}} ({{items}}) est en avance sur la date que je vous avais donnée ({{previous_estimate}}). Nous prévoyons désormais de l’expédier {{estimate}}.",
        "Merci pour votre patience.",
      ),
    },
    shipped: {
      subject: "Votre commande {{order_name}} est en route",
      body: paragraphs(
        "Bonjour {{first_name}},",
        "Votre commande {{order_name}} ({{items}}) vient d’être expédiée. Merci de l’avoir attendue ; je sais que cela a pris plus de temps que prévu.",
        "Shopify vous enverra séparément les informations de suivi.",
      ),
    },
  },
};

const de: LanguageDefaults = {
  reason:
    "In dieser Saison haben viel mehr von Ihnen bestellt, als unsere kleine Werkstatt auf einmal fertigen kann – und wir wollen bei der Arbeit nicht hetzen.",
  makeGood: "Als kleine Wiedergutmachung versenden wir Ihre Bestellung kostenlos per Express.",
  wordings: {
    first: {
      subject: "Neuigkeiten zu Ihrer Bestellung {{order_name}}",
      body: paragraphs(
        "Hallo {{first_name}},",
        "ich schreibe Ihnen wegen Ihrer Bestellung {{order_name}} ({{items}}). Sie dauert länger, als wir versprochen haben, und ich sage Ihnen das lieber jetzt, als Sie im Ungewissen zu lassen.",
        "{{reason}}",
        "Wir rechnen jetzt damit, sie {{estimate}} zu versenden. Das ist vorsichtig geschätzt: Sehr wahrscheinlich sind wir schneller, und ich melde mich, falls sich etwas ändert.",
        "Wenn Sie lieber nicht warten möchten, ist das völlig in Ordnung: Mit einem Klick unten stornieren Sie die Bestellung und erhalten den vollen Betrag zurück.",
      ),
    },
    weekly: {
      subject: "Ihre Bestellung {{order_name}} ist weiter im Plan",
      body: paragraphs(
        "Hallo {{first_name}},",
        "ein kurzes wöchentliches Update zu Ihrer Bestellung {{order_name}} ({{items}}): Sie wird weiterhin wie angekündigt {{estimate}} versandt.",
        "Ich schreibe Ihnen jede Woche, bis sie unterwegs ist.",
        "Wenn Sie doch lieber nicht warten möchten, stornieren Sie die Bestellung mit einem Klick unten und erhalten den vollen Betrag zurück.",
      ),
    },
    later: {
      subject: "Ein neuer Termin für Ihre Bestellung {{order_name}} – es tut mir leid",
      body: paragraphs(
        "Hallo {{first_name}},",
        "zuletzt hatte ich Ihnen geschrieben, dass Ihre Bestellung {{order_name}} ({{items}}) {{previous_estimate}} versandt wird. Das schaffen wir nicht, und das liegt an uns.",
        "Was passiert ist: {{override_reason}}",
        "Wir rechnen jetzt damit, sie {{estimate}} zu versenden.",
        "{{make_good}}",
        "Ich verstehe es vollkommen, wenn Sie nicht länger warten möchten: Mit einem Klick unten stornieren Sie die Bestellung und erhalten den vollen Betrag zurück, ganz ohne Rückfragen.",
      ),
    },
    earlier: {
      subject: "Gute Nachrichten zu Ihrer Bestellung {{order_name}}",
      body: paragraphs(
        "Hallo {{first_name}},",
        "eine gute Nachricht: Ihre Bestellung {{order_name}} ({{items}}) ist früher fertig als angekündigt ({{previous_estimate}}). Wir rechnen jetzt damit, sie {{estimate}} zu versenden.",
        "Vielen Dank für Ihre Geduld.",
      ),
    },
    shipped: {
      subject: "Ihre Bestellung {{order_name}} ist unterwegs",
      body: paragraphs(
        "Hallo {{first_name}},",
        "Ihre Bestellung {{order_name}} ({{items}}) ist verschickt. Danke, dass Sie darauf gewartet haben – ich weiß, es hat länger gedauert, als wir zuerst gesagt hatten.",
        "Die Sendungsverfolgung schickt Ihnen Shopify separat.",
      ),
    },
  },
};

const es: LanguageDefaults = {
  reason:
    "Esta temporada nos han llegado muchos más pedidos de los que nuestro pequeño taller puede hacer a la vez, y no queremos trabajar con prisas.",
  makeGood: "Para compensarte, te mejoramos el envío a exprés sin ningún coste.",
  wordings: {
    first: {
      subject: "Novedades sobre tu pedido {{order_name}}",
      body: paragraphs(
        "Hola, {{first_name}}:",
        "Te escribo por tu pedido {{order_name}} ({{items}}). Está tardando más de lo que te prometimos y prefiero contártelo ahora en lugar de dejarte con la duda.",
        "{{reason}}",
        "Ahora calculamos enviarlo {{estimate}}. Es una estimación prudente: lo más probable es que lleguemos antes, y te escribiré si cambia algo.",
        "Si prefieres no esperar, no pasa nada: con un clic aquí abajo cancelas el pedido y te devolvemos el importe íntegro.",
      ),
    },
    weekly: {
      subject: "Tu pedido {{order_name}} sigue según lo previsto",
      body: paragraphs(
        "Hola, {{first_name}}:",
        "Un breve aviso semanal sobre tu pedido {{order_name}} ({{items}}): seguimos en plazo para enviarlo {{estimate}}, la fecha que te di.",
        "Te seguiré escribiendo cada semana hasta que esté en camino.",
        "Si al final prefieres no esperar, con un clic aquí abajo cancelas el pedido y te devolvemos el importe íntegro.",
      ),
    },
    later: {
      subject: "Una nueva fecha para tu pedido {{order_name}}, y lo siento",
      body: paragraphs(
        "Hola, {{first_name}}:",
        "La última vez te dije que tu pedido {{order_name}} ({{items}}) saldría {{previous_estimate}}. No vamos a llegar, y la responsabilidad es nuestra.",
        "Lo que ha pasado: {{override_reason}}",
        "Ahora calculamos enviarlo {{estimate}}.",
        "{{make_good}}",
        "Entiendo perfectamente que no quieras esperar más: con un clic aquí abajo cancelas el pedido y te devolvemos el importe íntegro, sin preguntas.",
      ),
    },
    earlier: {
      subject: "Buenas noticias sobre tu pedido {{order_name}}",
      body: paragraphs(
        "Hola, {{first_name}}:",
        "Buenas noticias: tu pedido {{order_name}} ({{items}}) va por delante de la fecha que te di ({{previous_estimate}}). Ahora calculamos enviarlo {{estimate}}.",
        "Gracias por tu paciencia.",
      ),
    },
    shipped: {
      subject: "Tu pedido {{order_name}} ya está en camino",
      body: paragraphs(
        "Hola, {{first_name}}:",
        "Tu pedido {{order_name}} ({{items}}) ya ha salido. Gracias por esperarlo; sé que ha tardado más de lo que te dijimos al principio.",
        "Shopify te enviará los datos de seguimiento por separado.",
      ),
    },
  },
};

const en: LanguageDefaults = {
  wordings: DEFAULT_WORDINGS,
  reason: DEFAULT_REASON,
  makeGood: DEFAULT_MAKE_GOOD,
};

export const LANGUAGE_DEFAULTS: Record<CustomerLanguage, LanguageDefaults> = { en, fr, de, es };
