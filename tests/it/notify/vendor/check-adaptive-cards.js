// Parse each Teams message's card with Microsoft's Adaptive Cards SDK and print every
// parse or validation event; exit 1 when any card has one.
const fs = require("fs");
const AC = require("adaptivecards/dist/adaptivecards.js");
let bad = 0;
for (const f of process.argv.slice(2)) {
  const msg = JSON.parse(fs.readFileSync(f, "utf8"));
  const ctx = new AC.SerializationContext();
  const card = new AC.AdaptiveCard();
  card.parse(msg.attachments[0].content, ctx);
  const events = [];
  for (let i = 0; i < ctx.eventCount; i++) {
    const e = ctx.getEventAt(i);
    events.push(`${AC.ValidationEvent[e.event]}: ${e.message}`);
  }
  for (const e of card.validateProperties().validationEvents) {
    events.push(`${AC.ValidationEvent[e.event]}: ${e.message}`);
  }
  console.log(`${f}: version ${card.version}, ${card.getItemCount()} body items, ${card.getActionCount()} actions, ${events.length ? events.join("; ") : "no problem"}`);
  if (events.length) bad++;
}
process.exit(bad ? 1 : 0);
