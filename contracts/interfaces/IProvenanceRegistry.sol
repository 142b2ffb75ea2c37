// SPDX-License-Identifier: Apache-2.0
pragma solidity ^0.8.24;

/// @title Caravan provenance registry
/// @notice Anchors the Merkle roots of batches of contribution-ledger entries, so anyone can prove one entry.
interface IProvenanceRegistry {
    /// @notice An anchored batch: its root, how many entries, when, and the hash of its manifest.
    struct Batch {
        bytes32 root;
        uint64 count;
        uint64 anchoredAt;
        bytes32 manifestHash;
    }

    event Anchored(bytes32 indexed batchId, bytes32 root, uint64 count, bytes32 manifestHash);

    error AlreadyAnchored(bytes32 batchId);
    error ZeroRoot();
    error EmptyBatch();

    /// @notice Records a batch's root once (anchorer).
    function anchor(bytes32 batchId, bytes32 root, uint64 count, bytes32 manifestHash) external;

    /// @notice The batch anchored under `batchId`; `anchoredAt` is 0 when there is none.
    function batchOf(bytes32 batchId) external view returns (Batch memory);
}
