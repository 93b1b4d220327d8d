export type Kind = "vegetable" | "herb" | "flower" | 'it\'s a "tree"';
