"""A bidirectional LSTM sequence tagger over token ids."""
import torch.nn as nn


class LSTMTagger(nn.Module):
    def __init__(self, vocab_size=20000, embedding_dim=128, hidden_dim=256, num_tags=17, num_layers=2):
        super().__init__()
        self.embedding = nn.Embedding(vocab_size, embedding_dim)
        self.lstm = nn.LSTM(embedding_dim, hidden_dim, num_layers=num_layers, batch_first=True, bidirectional=True)
        self.tagger = nn.Linear(2 * hidden_dim, num_tags)

    def forward(self, tokens):
        embedded = self.embedding(tokens)
        output, _ = self.lstm(embedded)
        return self.tagger(output)
