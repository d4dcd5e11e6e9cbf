/**
 * Words for the things a shop sells — clothes, kitchen and home goods, bedding, furniture, small
 * electronics, toys and the like — and for their colours and materials. Customers name what they
 * bought ("the kettle I got on Friday leaks", "a refund for the returned jumper", "the grey one"),
 * and a help centre rarely names every product, so such a word, when no article uses it, says which
 * item the question is about, not what it asks. Written for Baton from general knowledge of what
 * people buy; compared as retrieval terms (the same stemming as the knowledge index), so plurals
 * and simple endings match.
 */
import { distinctTerms } from './text-terms.ts';

const words = `
  jumper sweater cardigan hoodie sweatshirt jacket coat parka blazer waistcoat shirt blouse tshirt
  polo dress skirt trousers jeans leggings shorts joggers pyjamas pajamas nightie dressinggown
  scarf gloves mittens hat beanie socks tights underwear bra boxers swimsuit bikini shoes boots
  trainers sneakers sandals slippers heels belt backpack rucksack umbrella
  bracelet necklace earrings sunglasses smartwatch
  kettle toaster blender mixer whisk juicer grinder microwave oven hob cooker airfryer fryer
  dishwasher fridge freezer washer dryer hoover vacuum mop broom bucket dustpan
  pan saucepan wok pot casserole tray bowl plate mug cup saucer glass tumbler jug teapot
  cafetiere carafe bottle flask lunchbox container tupperware lid knife knives fork spoon cutlery
  chopsticks spatula ladle tongs peeler grater colander sieve apron napkin tablecloth placemat
  coaster towel bathmat toothbrush hairdryer straightener razor shaver mirror dispenser hamper
  duvet quilt pillow pillowcase bedsheet sheet topper blanket bedspread cushion curtain
  curtains blind blinds rug mat doormat carpet lamp lampshade bulb lightbulb candle diffuser vase
  frame poster clock sofa couch armchair chair stool table desk dresser wardrobe drawers bookcase
  bookshelf shelf shelves cabinet cupboard sideboard bed headboard cot crib highchair pram
  pushchair buggy stroller
  smartphone tablet laptop computer monitor keyboard headphones earphones earbuds speaker
  charger adapter battery batteries printer camera television tv controller router kindle ereader
  toy toys doll teddy puzzle jigsaw lego boardgame bike bicycle scooter helmet tent
  plant planter flowerpot hose lawnmower barbecue bbq parasol notebook diary pen pencil
  red blue green grey gray black white navy pink purple yellow orange brown beige cream ivory
  charcoal silver gold teal turquoise burgundy khaki mustard sage
  cotton linen wool woollen cashmere silk denim leather suede velvet polyester bamboo oak pine
  walnut ceramic porcelain stoneware enamel copper
`;

/** Every form of the words above as the knowledge index writes terms. */
export const thingTerms: ReadonlySet<string> = new Set(distinctTerms(words));
